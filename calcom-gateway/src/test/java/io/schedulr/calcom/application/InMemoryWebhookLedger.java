package io.schedulr.calcom.application;

import io.schedulr.calcom.application.port.in.WebhookReceipt;
import io.schedulr.calcom.application.port.out.BookingListing;
import io.schedulr.calcom.application.port.out.MadeBookings;
import io.schedulr.calcom.application.port.out.MeetingLedger;
import io.schedulr.calcom.application.port.out.WebhookDeliveryLog;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.MeetingState;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Dedup keys, audit, meeting states and held changes in maps. */
public final class InMemoryWebhookLedger implements WebhookDeliveryLog, MeetingLedger, MadeBookings, BookingListing {
    public final Set<String> processed = new HashSet<>();
    public final List<String> audit = new ArrayList<>();
    public final Map<String, MeetingState> states = new HashMap<>();
    public final Map<String, HeldChange> held = new LinkedHashMap<>();
    public final Map<String, Instant> lookedUp = new HashMap<>();
    public final Set<String> keepLooking = new HashSet<>();
    /** Bookings made here by iCalUID, with when they were made; {@link #madeAt} is the clock for new ones. */
    public final Map<String, MadeBooking> made = new LinkedHashMap<>();
    public final Map<String, Instant> madeWhen = new HashMap<>();
    public final Map<String, Instant> madeLookedUp = new HashMap<>();
    /** Bookings by uid whose remembering fails, as when the database refuses for a moment. */
    public final Set<String> refuseRemembering = new HashSet<>();
    public java.util.function.Supplier<Instant> madeAt = () -> Instant.EPOCH;
    /** How far Cal.com's list of bookings was read, and when a reading last began. */
    public Instant listedUntil = Instant.EPOCH;
    public Instant listedAt;

    @Override
    public boolean markProcessed(String dedupKey, String trigger) {
        return processed.add(dedupKey);
    }

    @Override
    public boolean processed(String dedupKey) {
        return processed.contains(dedupKey);
    }

    @Override
    public void audit(String dedupKey, String trigger, byte[] body, WebhookReceipt outcome) {
        audit.add(dedupKey + "=" + outcome);
    }

    @Override
    public Optional<MeetingState> lock(String icalUid) {
        return Optional.ofNullable(states.get(icalUid));
    }

    @Override
    public void save(MeetingState state) {
        states.put(state.icalUid(), state);
        keepLooking.remove(state.icalUid());
    }

    @Override
    public void hold(BookingChange change, Instant receivedAt) {
        held.putIfAbsent(change.dedupKey(), new HeldChange(change, receivedAt));
    }

    @Override
    public List<HeldChange> held(String icalUid) {
        return held.values().stream().filter(h -> h.change().icalUid().equals(icalUid))
                .sorted(Comparator.comparingInt((HeldChange h) -> h.change().position()).thenComparing(HeldChange::receivedAt)).toList();
    }

    @Override
    public void release(BookingChange change) {
        held.remove(change.dedupKey());
    }

    @Override
    public List<String> meetingsHoldingSince(Instant before) {
        return held.values().stream().filter(h -> h.receivedAt().isBefore(before)).map(h -> h.change().icalUid()).distinct().toList();
    }

    @Override
    public List<MeetingState> claimForLookUp(Instant now, Instant lookedUpBefore, int limit) {
        List<MeetingState> due = states.values().stream()
                .filter(s -> (!s.cancelled() || keepLooking.contains(s.icalUid())) && (s.end() == null || s.end().isAfter(now)))
                .filter(s -> !lookedUp.containsKey(s.icalUid()) || lookedUp.get(s.icalUid()).isBefore(lookedUpBefore))
                .sorted(Comparator.comparing((MeetingState s) -> lookedUp.getOrDefault(s.icalUid(), Instant.MIN))
                        .thenComparing(MeetingState::icalUid))
                .limit(limit).toList();
        due.forEach(s -> lookedUp.put(s.icalUid(), now));
        return due;
    }

    @Override
    public void giveBack(java.util.Collection<String> icalUids) {
        icalUids.forEach(lookedUp::remove);
    }

    @Override
    public void keepLooking(String icalUid) {
        keepLooking.add(icalUid);
    }

    @Override
    public void keepEnd(String icalUid, Instant end) {
        MeetingState s = states.get(icalUid);
        if (s != null && s.end() == null) {
            states.put(icalUid, new MeetingState(icalUid, s.sequence(), s.cancelled(), s.uid(), end));
        }
    }

    @Override
    public Uni<Void> made(String icalUid, String uid, Instant end) {
        made.putIfAbsent(icalUid, new MadeBooking(icalUid, uid, end));
        madeWhen.putIfAbsent(icalUid, madeAt.get());
        return Uni.createFrom().voidItem();
    }

    @Override
    public List<MadeBooking> claimMadeForLookUp(Instant now, Instant madeBefore, Instant lookedUpBefore, int limit) {
        made.keySet().removeIf(states::containsKey);
        made.values().removeIf(b -> !b.end().isAfter(now));
        List<MadeBooking> due = made.values().stream()
                .filter(b -> madeWhen.get(b.icalUid()).isBefore(madeBefore) && b.end().isAfter(now))
                .filter(b -> !madeLookedUp.containsKey(b.icalUid()) || madeLookedUp.get(b.icalUid()).isBefore(lookedUpBefore))
                .limit(limit).toList();
        due.forEach(b -> madeLookedUp.put(b.icalUid(), now));
        return due;
    }

    @Override
    public boolean rememberUnknown(String icalUid, String uid, Instant madeAt, Instant end) {
        if (refuseRemembering.contains(uid)) {
            throw new IllegalStateException("could not remember booking " + uid);
        }
        if (states.containsKey(icalUid) || made.containsKey(icalUid)) {
            return false;
        }
        made.put(icalUid, new MadeBooking(icalUid, uid, end));
        madeWhen.put(icalUid, madeAt);
        return true;
    }

    @Override
    public void giveBackMade(java.util.Collection<String> icalUids) {
        icalUids.forEach(madeLookedUp::remove);
    }

    @Override
    public void forgetMade(String icalUid) {
        made.remove(icalUid);
    }

    @Override
    public Optional<Instant> claimListing(Instant now, Instant listedBefore) {
        if (listedAt != null && !listedAt.isBefore(listedBefore)) {
            return Optional.empty();
        }
        listedAt = now;
        return Optional.of(listedUntil);
    }

    @Override
    public void listedUntil(Instant until) {
        if (until.isAfter(listedUntil)) {
            listedUntil = until;
        }
    }
}

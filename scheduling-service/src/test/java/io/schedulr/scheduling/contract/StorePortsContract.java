package io.schedulr.scheduling.contract;

import io.schedulr.scheduling.application.port.out.ListRoomsPort;
import io.schedulr.scheduling.application.port.out.LoadCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.ListSlotsPort;
import io.schedulr.scheduling.application.port.out.LoadSlotPort;
import io.schedulr.scheduling.application.port.out.SaveCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.SaveSlotPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.ChooseTimeZonePort;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.CalendarConnection;
import io.schedulr.scheduling.domain.CalendarConnectionStatus;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotConflictException;
import io.schedulr.scheduling.domain.SlotRules;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the application services rely on from the room and slot ports, run against every implementation: the
 * in-memory one the unit tests use and the PostgreSQL one the service runs.
 */
public abstract class StorePortsContract {
    private static final SlotRules RULES = new SlotRules(Duration.ofMinutes(15), Duration.ofHours(8), 100);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final UserProfile host = person("host");
    private final UserProfile guest = person("guest");

    protected abstract UnitOfWork tx();

    protected abstract <P extends UserDirectoryPort & ChooseTimeZonePort> P users();

    protected abstract <P extends LoadRoomPort & ListRoomsPort & SaveRoomPort> P rooms();

    protected abstract <P extends LoadSlotPort & SaveSlotPort & ListSlotsPort> P slots();

    protected abstract <P extends LoadCalendarConnectionPort & SaveCalendarConnectionPort> P calendarConnections();

    /** Runs the work as a use case does and waits for it. */
    protected abstract <T> T run(Supplier<Uni<T>> work);

    private <T> T inTx(Supplier<Uni<T>> work) {
        return run(() -> tx().inTransaction(() -> users().upsert(host).chain(() -> users().upsert(guest)).chain(() -> work.get())));
    }

    private static UserProfile person(String role) {
        String id = role + "-" + UUID.randomUUID();
        return new UserProfile(id, id + "@example.com", role, "UTC");
    }

    private PracticeRoom newRoom(int days) {
        return PracticeRoom.offer(RoomId.random(), host.id(), TimeWindow.starting(now.plus(Duration.ofDays(days)), Duration.ofMinutes(45)),
                false, null, "https://video/" + days, now);
    }

    /** What a use case reads before its transaction: what is committed, by the same ports, with no transaction open. */
    @Test
    void aReadingSessionSeesWhatIsCommitted() {
        PracticeRoom room = newRoom(5);
        inTx(() -> rooms().insert(room));
        String person = "google-sub-" + UUID.randomUUID();
        inTx(() -> calendarConnections().saveUnlessOlder(new CalendarConnection(person, CalendarConnectionStatus.CONNECTED, null, "cal", now)));

        assertThat(run(() -> tx().reading(() -> rooms().load(room.id())))).contains(room);
        assertThat(run(() -> tx().reading(() -> calendarConnections().loadAll(List.of(person))))).containsOnlyKeys(person);
        assertThat(run(() -> tx().reading(() -> rooms().load(RoomId.random())))).isEmpty();
    }

    /** A room's people as their sign-in tokens last said: a changed profile reads back changed, an unknown id is absent. */
    @Test
    void profilesReadBackAsLastSignedInAndUnknownPeopleAreAbsent() {
        UserProfile renamed = new UserProfile(guest.id(), "New." + guest.email(), "Renamed Guest", "Asia/Tokyo");
        String unknown = "nobody-" + UUID.randomUUID();
        inTx(() -> users().upsert(renamed));

        // Read outside inTx, which would sign both in again as they were.
        assertThat(run(() -> tx().reading(() -> users().findAll(List.of(host.id(), guest.id(), unknown, host.id())))))
                .containsOnly(java.util.Map.entry(host.id(), host), java.util.Map.entry(guest.id(), renamed));
        assertThat(run(() -> tx().reading(() -> users().findAll(List.of())))).isEmpty();
    }

    @Test
    void aTokenWithoutAZoneKeepsTheKeptOneAndAZoneThePersonSetStaysOverAnyTokens() {
        UserProfile fromGoogle = new UserProfile(guest.id(), guest.email(), guest.displayName(), null);
        UserProfile newcomer = new UserProfile("new-" + UUID.randomUUID(), "new@example.com", "New Person", null);
        run(() -> tx().inTransaction(() -> users().upsert(new UserProfile(guest.id(), guest.email(), guest.displayName(), "Asia/Tokyo"))));
        run(() -> tx().inTransaction(() -> users().upsert(fromGoogle).chain(() -> users().upsert(newcomer))));
        assertThat(zonesOf(guest.id(), newcomer.id())).containsExactly("Asia/Tokyo", "UTC");

        run(() -> tx().inTransaction(() -> users().chooseTimeZone(guest.id(), "Europe/Berlin")));
        run(() -> tx().inTransaction(() -> users().upsert(new UserProfile(guest.id(), guest.email(), guest.displayName(), "Asia/Tokyo"))
                .chain(() -> users().upsert(fromGoogle))));
        assertThat(zonesOf(guest.id())).containsExactly("Europe/Berlin");
    }

    private List<String> zonesOf(String... ids) {
        java.util.Map<String, UserProfile> found = run(() -> tx().reading(() -> users().findAll(List.of(ids))));
        return java.util.Arrays.stream(ids).map(id -> found.get(id).timeZone()).toList();
    }

    @Test
    void peopleAreFoundByTheirSignInAddressInAnyCase() {
        assertThat(inTx(() -> users().idsByAddress(List.of(host.email().toUpperCase(java.util.Locale.ROOT), "nobody-"
                + UUID.randomUUID() + "@example.com")))).containsExactly(java.util.Map.entry(host.email().toLowerCase(java.util.Locale.ROOT), host.id()));
        assertThat(inTx(() -> users().idsByAddress(List.of()))).isEmpty();
    }

    /** For someone scheduling has never seen (no users row): the state comes from calendar-sync-service, not from a request. */
    @Test
    void aCalendarConnectionReadsBackAndNeverMovesBackwards() {
        String person = "google-sub-" + UUID.randomUUID();
        CalendarConnection connected = new CalendarConnection(person, CalendarConnectionStatus.CONNECTED, null, "cal-1@group.calendar.google.com",
                now);
        assertThat(inTx(() -> calendarConnections().load(person))).isEmpty();

        assertThat(inTx(() -> calendarConnections().saveUnlessOlder(connected))).isTrue();
        assertThat(inTx(() -> calendarConnections().load(person))).contains(connected);

        CalendarConnection older = new CalendarConnection(person, CalendarConnectionStatus.REVOKED, "revoked", null, now.minusMillis(1));
        assertThat(inTx(() -> calendarConnections().saveUnlessOlder(older))).as("an older change").isFalse();
        assertThat(inTx(() -> calendarConnections().load(person))).contains(connected);

        assertThat(inTx(() -> calendarConnections().saveUnlessOlder(connected))).as("the same change again").isTrue();
        CalendarConnection newer = new CalendarConnection(person, CalendarConnectionStatus.NOT_CONNECTED, "user", null, now.plusSeconds(1));
        assertThat(inTx(() -> calendarConnections().saveUnlessOlder(newer))).isTrue();
        assertThat(inTx(() -> calendarConnections().load(person))).contains(newer);
    }

    @Test
    void severalCalendarConnectionsAreLoadedTogetherAndTheNeverAnnouncedAreAbsent() {
        String first = "google-sub-" + UUID.randomUUID();
        String second = "google-sub-" + UUID.randomUUID();
        String never = "google-sub-" + UUID.randomUUID();
        CalendarConnection connected = new CalendarConnection(first, CalendarConnectionStatus.CONNECTED, null, "cal-1@group.calendar.google.com", now);
        CalendarConnection revoked = new CalendarConnection(second, CalendarConnectionStatus.REVOKED, "revoked", null, now);
        inTx(() -> calendarConnections().saveUnlessOlder(connected).chain(() -> calendarConnections().saveUnlessOlder(revoked)));

        assertThat(inTx(() -> calendarConnections().loadAll(List.of(first, never, second, first))))
                .containsOnly(java.util.Map.entry(first, connected), java.util.Map.entry(second, revoked));
        assertThat(inTx(() -> calendarConnections().loadAll(List.of(never)))).isEmpty();
        assertThat(inTx(() -> calendarConnections().loadAll(List.of()))).isEmpty();
    }

    @Test
    void aRoomReadsBackAsItWasStored() {
        PracticeRoom room = newRoom(3);
        inTx(() -> rooms().insert(room));

        PracticeRoom loaded = inTx(() -> rooms().load(room.id())).orElseThrow();

        assertThat(loaded).isEqualTo(room);
        assertThat(inTx(() -> rooms().load(RoomId.random()))).isEmpty();
    }

    @Test
    void anUpdateStoresTheChangeAtTheNextVersion() {
        PracticeRoom room = newRoom(3);
        inTx(() -> rooms().insert(room));

        PracticeRoom booked = inTx(() -> rooms().load(room.id()).chain(r -> rooms().update(r.orElseThrow().book(guest.id(), now))));

        assertThat(booked.version()).isEqualTo(room.version() + 1);
        assertThat(inTx(() -> rooms().load(room.id())).orElseThrow()).isEqualTo(booked);
    }

    @Test
    void aReleasedRoomIsStoredOpenUnderItsNewInvitationUidAndAStaleReleaseLoses() {
        PracticeRoom room = newRoom(3);
        inTx(() -> rooms().insert(room));
        PracticeRoom booked = inTx(() -> rooms().update(room.book(guest.id(), now)));

        PracticeRoom released = inTx(() -> rooms().update(booked.release(guest.id(), now)));

        PracticeRoom stored = inTx(() -> rooms().load(room.id())).orElseThrow();
        assertThat(stored).isEqualTo(released);
        assertThat(stored.guestId()).isNull();
        assertThat(stored.icsUid()).isNotEqualTo(booked.icsUid());
        assertThat(stored.timeCalendarsMayShow()).as("the left booking's event until its deletion reaches the calendars")
                .isEqualTo(room.window());
        assertThatThrownBy(() -> inTx(() -> rooms().update(booked.release(guest.id(), now)))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(inTx(() -> rooms().load(room.id())).orElseThrow()).isEqualTo(released);
    }

    @Test
    void aChangeMadeFromAStaleReadFailsAsAConcurrentChangeAndLeavesTheWinnerAlone() {
        PracticeRoom room = newRoom(3);
        inTx(() -> rooms().insert(room));
        PracticeRoom winner = inTx(() -> rooms().update(room.changeStage(host.id(), "first")));

        assertThatThrownBy(() -> inTx(() -> rooms().update(room.book(guest.id(), now)))).isInstanceOf(ConcurrentChangeException.class);
        assertThatThrownBy(() -> inTx(() -> rooms().delete(room))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(inTx(() -> rooms().load(room.id())).orElseThrow()).isEqualTo(winner);
    }

    @Test
    void aDeletedRoomIsGone() {
        PracticeRoom room = newRoom(3);
        inTx(() -> rooms().insert(room));

        inTx(() -> rooms().load(room.id()).chain(r -> rooms().delete(r.orElseThrow())));

        assertThat(inTx(() -> rooms().load(room.id()))).isEmpty();
    }

    @Test
    void listingsShowOthersOpenPublicRoomsThoseOfferedToMeAndMyOwn() {
        PracticeRoom open = newRoom(4);
        PracticeRoom hidden = newRoom(5).changePrivacy(host.id(), true);
        PracticeRoom booked = newRoom(6).book(guest.id(), now);
        PracticeRoom offered = newRoom(7).changePrivacy(host.id(), true).offerTo(host.id(), guest.id());
        PracticeRoom offeredToOthers = newRoom(8).changePrivacy(host.id(), true).offerTo(host.id(), "someone-else");
        inTx(() -> rooms().insert(open).chain(() -> rooms().insert(hidden)).chain(() -> rooms().insert(booked))
                .chain(() -> rooms().insert(offered)).chain(() -> rooms().insert(offeredToOthers)));

        List<PracticeRoom> forGuest = inTx(() -> rooms().listOpen(guest.id(), now, 500, 0));
        assertThat(forGuest).extracting(PracticeRoom::id).contains(open.id(), offered.id())
                .doesNotContain(hidden.id(), booked.id(), offeredToOthers.id());
        assertThat(forGuest).filteredOn(r -> r.id().equals(offered.id())).extracting(PracticeRoom::offeredTo).containsExactly(guest.id());
        assertThat(inTx(() -> rooms().listOpen(host.id(), now, 500, 0))).extracting(PracticeRoom::id).doesNotContain(open.id());
        assertThat(inTx(() -> rooms().listUpcomingOf(guest.id(), now, 500, 0))).extracting(PracticeRoom::id).containsExactly(booked.id());
    }

    @Test
    void myRoomsAreThoseNotYetEndedSoonestFirstOrThoseEndedLatestFirstAPageAtATime() {
        PracticeRoom first = newRoom(2).book(guest.id(), now);
        PracticeRoom second = newRoom(3);
        PracticeRoom third = newRoom(4).book(guest.id(), now);
        PracticeRoom fourth = newRoom(5);
        inTx(() -> rooms().insert(fourth).chain(() -> rooms().insert(second)).chain(() -> rooms().insert(third))
                .chain(() -> rooms().insert(first)));
        // A moment inside the second room: it has not ended yet.
        Instant later = second.start().plus(Duration.ofMinutes(30));

        assertThat(inTx(() -> rooms().listUpcomingOf(host.id(), later, 500, 0))).extracting(PracticeRoom::id)
                .containsExactly(second.id(), third.id(), fourth.id());
        assertThat(inTx(() -> rooms().listUpcomingOf(host.id(), later, 2, 1))).extracting(PracticeRoom::id)
                .containsExactly(third.id(), fourth.id());
        assertThat(inTx(() -> rooms().listPastOf(host.id(), later, 500, 0))).extracting(PracticeRoom::id).containsExactly(first.id());
        Instant afterAll = fourth.window().end();
        assertThat(inTx(() -> rooms().listPastOf(host.id(), afterAll, 500, 0))).extracting(PracticeRoom::id)
                .containsExactly(fourth.id(), third.id(), second.id(), first.id());
        assertThat(inTx(() -> rooms().listPastOf(guest.id(), afterAll, 1, 1))).extracting(PracticeRoom::id).containsExactly(first.id());
        assertThat(inTx(() -> rooms().listUpcomingOf(host.id(), afterAll, 500, 0))).isEmpty();
    }

    @Test
    void overlappingSlotsAreRefusedAllOrNothing() {
        Slot first = Slot.publish(host.id(), TimeWindow.starting(now.plus(Duration.ofDays(2)), Duration.ofHours(1)), RULES, now);
        Slot overlapping = Slot.publish(host.id(), TimeWindow.starting(now.plus(Duration.ofDays(2)).plusSeconds(1800), Duration.ofHours(1)),
                RULES, now);

        assertThatThrownBy(() -> inTx(() -> slots().insertAll(List.of(first, overlapping)))).isInstanceOf(SlotConflictException.class);
        assertThat(inTx(() -> slots().load(first.id()))).isEmpty();

        inTx(() -> slots().insertAll(List.of(first)));
        assertThat(inTx(() -> slots().load(first.id())).orElseThrow()).isEqualTo(first);
    }

    @Test
    void aBookedSlotIsFoundByItsRoom() {
        Slot slot = Slot.publish(host.id(), TimeWindow.starting(now.plus(Duration.ofDays(8)), Duration.ofHours(1)), RULES, now);
        inTx(() -> slots().insertAll(List.of(slot)));
        Slot booked = bookedByGuest(slot);

        assertThat(booked.version()).isEqualTo(slot.version() + 1);
        assertThat(inTx(() -> slots().findByRoom(booked.roomId()))).contains(booked);
        assertThatThrownBy(() -> inTx(() -> slots().update(slot.cancel(host.id(), now)))).isInstanceOf(ConcurrentChangeException.class);
    }

    @Test
    void anOpenSlotOfTheHostOverlappingATimeIsFoundBookedAndOthersAreNot() {
        TimeWindow hour = TimeWindow.starting(now.plus(Duration.ofDays(11)), Duration.ofHours(1));
        Slot open = Slot.publish(host.id(), hour, RULES, now);
        Slot later = Slot.publish(host.id(), TimeWindow.starting(hour.end().plus(Duration.ofHours(1)), Duration.ofHours(1)), RULES, now);
        inTx(() -> slots().insertAll(List.of(open, later)));
        bookedByGuest(later);

        assertThat(inTx(() -> slots().openSlotOverlaps(host.id(), TimeWindow.starting(hour.start().plusSeconds(1800), Duration.ofHours(1)))))
                .isTrue();
        assertThat(inTx(() -> slots().openSlotOverlaps(host.id(), TimeWindow.starting(hour.end(), Duration.ofMinutes(30)))))
                .as("touching is no overlap").isFalse();
        assertThat(inTx(() -> slots().openSlotOverlaps(host.id(), later.window()))).as("a booked slot is not open").isFalse();
        assertThat(inTx(() -> slots().openSlotOverlaps(guest.id(), hour))).as("another host's").isFalse();
    }

    @Test
    void aBookedSlotMovesWithItsRoomOverItsHostsOtherTimesAndItsOldTimeCanBeOfferedAgain() {
        TimeWindow offered = TimeWindow.starting(now.plus(Duration.ofDays(9)), Duration.ofHours(1));
        Slot slot = Slot.publish(host.id(), offered, RULES, now);
        Slot openLater = Slot.publish(host.id(), TimeWindow.starting(offered.start().plus(Duration.ofHours(3)), Duration.ofHours(1)), RULES, now);
        inTx(() -> slots().insertAll(List.of(slot, openLater)));
        Slot booked = bookedByGuest(slot);

        Slot moved = inTx(() -> slots().update(booked.movedWithRoom(openLater.window(), now)));

        assertThat(inTx(() -> slots().load(slot.id())).orElseThrow()).isEqualTo(moved);
        assertThat(moved.window()).isEqualTo(openLater.window());
        Slot again = Slot.publish(host.id(), offered, RULES, now);
        inTx(() -> slots().insertAll(List.of(again)));
        assertThat(inTx(() -> slots().load(again.id()))).contains(again);
    }

    @Test
    void openSlotsAndRoomsOfAHostWhoIsBookedThenAreNotListedTheirOtherOnesAre() {
        UserProfile viewer = person("viewer");
        TimeWindow day = TimeWindow.starting(now.plus(Duration.ofDays(10)), Duration.ofMinutes(45));
        PracticeRoom offer = PracticeRoom.offer(RoomId.random(), host.id(), day, false, null, "https://video/a", now);
        // the host books someone else's session overlapping their own offer
        PracticeRoom hostIsAGuest = PracticeRoom.offer(RoomId.random(), guest.id(), TimeWindow.starting(day.start().plusSeconds(1800),
                Duration.ofMinutes(45)), false, null, "https://video/b", now).book(host.id(), now);
        PracticeRoom freeOffer = PracticeRoom.offer(RoomId.random(), host.id(), TimeWindow.starting(day.start().plus(Duration.ofHours(2)), Duration.ofMinutes(45)),
                false, null, "https://video/c", now);
        TimeWindow later = TimeWindow.starting(day.start().plus(Duration.ofHours(3)), Duration.ofMinutes(30));
        Slot slot = Slot.publish(host.id(), later, RULES, now);
        Slot freeSlot = Slot.publish(host.id(), TimeWindow.starting(later.end(), Duration.ofMinutes(30)), RULES, now);
        // a session the host moved onto their own open slot's time
        PracticeRoom movedHere = PracticeRoom.offer(RoomId.random(), host.id(), TimeWindow.starting(later.start().minusSeconds(600),
                Duration.ofMinutes(20)), false, null, "https://video/d", now).book(guest.id(), now);
        inTx(() -> rooms().insert(offer).chain(() -> rooms().insert(hostIsAGuest)).chain(() -> rooms().insert(freeOffer))
                .chain(() -> rooms().insert(movedHere)).chain(() -> slots().insertAll(List.of(slot, freeSlot))));

        assertThat(inTx(() -> rooms().listOpen(viewer.id(), now, 500, 0))).extracting(PracticeRoom::id)
                .as("the listing itself stays one cheap scan (docs/performance.md)").contains(freeOffer.id(), offer.id());
        List<PracticeRoom> candidates = List.of(offer, freeOffer, hostIsAGuest, movedHere);
        assertThat(inTx(() -> rooms().hostBookedThen(candidates))).as("asked after, for the page's rooms only")
                .containsExactly(offer.id());
        assertThat(inTx(() -> slots().listOpen(viewer.id(), now, null, 500, 0))).extracting(Slot::id)
                .contains(freeSlot.id()).doesNotContain(slot.id());
    }

    /** The guest books the stored slot: its room inserted, the slot booked into it; the slot as stored. */
    private Slot bookedByGuest(Slot slot) {
        RoomId roomId = RoomId.random();
        return inTx(() -> rooms().insert(PracticeRoom.bookedFromSlot(roomId, slot, guest.id(), "https://video/" + roomId, now))
                .chain(() -> slots().update(slot.book(guest.id(), roomId, now))));
    }
}

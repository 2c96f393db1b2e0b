package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The shape of every change to an existing room: read it, let its own rules make the change and, when the change commits
 * people to a time, ask their Google calendars — all before the transaction, so no remote call waits inside one — then in
 * one transaction check their commitments here under a hold, store the room (version-checked; a lost race re-runs the
 * transaction on the room as it is then) and record the event and audit row. Every change through
 * {@link #apply} (booking, reschedule, privacy, offer, stage) is a core write behind the {@link CalendarGate}; a guest
 * leaving their booking ({@link #release}) is not, like a deletion, so nobody is trapped in a booking. Deleting a room
 * does not come this way.
 */
public class RoomChangeFlow {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final LoadRoomPort load;
    private final SaveRoomPort save;
    private final SlotOfRoom slots;
    private final RoomDeletion deletion;
    private final RoomChangeRecorder changes;
    private final CalendarGate gate;
    private final ConflictCheck conflicts;
    private final Clock clock;

    public RoomChangeFlow(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort load, SaveRoomPort save, SlotOfRoom slots,
                          RoomChangeRecorder changes, CalendarGate gate, Clock clock) {
        this(tx, users, load, save, slots, changes, gate, ConflictCheck.none(), clock);
    }

    public RoomChangeFlow(UnitOfWork tx, UserDirectoryPort users, LoadRoomPort load, SaveRoomPort save, SlotOfRoom slots,
                          RoomChangeRecorder changes, CalendarGate gate, ConflictCheck conflicts, Clock clock) {
        this.slots = slots;
        this.deletion = new RoomDeletion(changes, save, slots);
        this.conflicts = conflicts;
        this.tx = tx;
        this.users = users;
        this.load = load;
        this.save = save;
        this.changes = changes;
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * @param change what the actor does to the room at a moment; throws what the room's rules refuse
     * @param type   how the change is announced, from the room before and after
     */
    Uni<RoomDetails> apply(UserProfile actor, RoomId roomId, BiFunction<PracticeRoom, Instant, PracticeRoom> change,
                           BiFunction<PracticeRoom, PracticeRoom, RoomChangeType> type) {
        return apply(actor, roomId, change, type, false);
    }

    /**
     * As {@link #apply(UserProfile, RoomId, BiFunction, BiFunction)}; a change that books the room or moves a booked one is
     * first checked against the host's and guest's calendars ({@link ConflictCheck}), the actor's own ignored when
     * {@code allowOwnConflicts}.
     */
    Uni<RoomDetails> apply(UserProfile actor, RoomId roomId, BiFunction<PracticeRoom, Instant, PracticeRoom> change,
                           BiFunction<PracticeRoom, PracticeRoom, RoomChangeType> type, boolean allowOwnConflicts) {
        return run(actor, roomId, change, type, (before, after) -> after, true, allowOwnConflicts ? Clashes.ALLOW_OWN : Clashes.CHECK);
    }

    /**
     * A change the actor has already made in their Google Calendar (a host moving the event there): gated like the same
     * change in the app, but not checked for clashes — it is done in Google already (the session's event stands at the new
     * time on the host's and, through Google, the guest's calendar), so refusing it here would only leave the app and
     * Google apart.
     */
    Uni<RoomDetails> applyMadeInCalendar(UserProfile actor, RoomId roomId, BiFunction<PracticeRoom, Instant, PracticeRoom> change,
                                         BiFunction<PracticeRoom, PracticeRoom, RoomChangeType> type) {
        return run(actor, roomId, change, type, (before, after) -> after, true, Clashes.SKIP);
    }

    /** Whether a change that commits people is checked for clashes, and whether the actor's own calendar counts. */
    private enum Clashes { CHECK, ALLOW_OWN, SKIP }

    /**
     * The guest leaves their booking: {@code change} ends in the room's {@link PracticeRoom#release}; announced as
     * RELEASED with the booking as it ends ({@link PracticeRoom#announcedAsReleased()}), answered with the room open
     * again — a room booked from a slot is then deleted and its slot open again. Not behind the calendar gate.
     */
    Uni<RoomDetails> release(UserProfile actor, RoomId roomId, BiFunction<PracticeRoom, Instant, PracticeRoom> change) {
        return run(actor, roomId, change, (before, after) -> RoomChangeType.RELEASED, (before, after) -> before.announcedAsReleased(), false,
                Clashes.ALLOW_OWN);
    }

    private Uni<RoomDetails> run(UserProfile actor, RoomId roomId, BiFunction<PracticeRoom, Instant, PracticeRoom> change,
                                 BiFunction<PracticeRoom, PracticeRoom, RoomChangeType> type,
                                 BiFunction<PracticeRoom, PracticeRoom, PracticeRoom> announced, boolean gated, Clashes clashes) {
        // Before the transaction: the gate, the room as it is and, for a change that commits people to a time, what their
        // Google calendars say — so a slow Google holds no connection and no transaction open. The transaction's first
        // attempt works on the room read here (its version-checked save settles any change in between); a retry reads
        // it again, and asks Google there only if the change now concerns other people or another time.
        Supplier<Uni<Read>> readRoom = () -> Rooms.visibleTo(load, roomId, actor.id()).chain(room -> {
            PracticeRoom changed = change.apply(room, clock.instant());
            return clashes != Clashes.SKIP && clashMatters(room, changed)
                    ? conflicts.prepare(actor.id(), clashes == Clashes.ALLOW_OWN, changed.window(), people(changed), ownEvent(room))
                    .map(question -> new Read(room, question))
                    : Uni.createFrom().item(new Read(room, null));
        });
        return (gated ? gate.requireConnectedThenReading(tx, actor.id(), readRoom) : tx.reading(readRoom))
                .chain(read -> read.question() == null ? Uni.createFrom().item(new Asked(read.room(), null))
                        : conflicts.ask(read.question()).map(answers -> new Asked(read.room(), answers)))
                .chain(asked -> {
                    AtomicReference<PracticeRoom> readBefore = new AtomicReference<>(asked.room());
                    return tx.inTransaction(() -> {
                        Instant now = clock.instant();
                        PracticeRoom known = readBefore.getAndSet(null);
                        return users.upsert(actor)
                                .chain(() -> known != null ? Uni.createFrom().item(known) : Rooms.visibleTo(load, roomId, actor.id()))
                                .chain(before -> {
                                    PracticeRoom changed = change.apply(before, now);
                                    Uni<List<String>> checked = clashes != Clashes.SKIP && clashMatters(before, changed)
                                            ? conflicts.require(actor.id(), clashes == Clashes.ALLOW_OWN, changed.window(), people(changed),
                                            changed.id(), ownEvent(before), asked.answers())
                                            : Uni.createFrom().item(List.of());
                                    return checked.chain(warnings -> {
                                        Uni<PracticeRoom> stored = changed.equals(before) ? Uni.createFrom().item(before)
                                                : save.update(changed).call(after -> slots.roomChanged(actor.id(), before, after, now));
                                        return stored.chain(after -> {
                                            RoomChangeType announcedAs = type.apply(before, after);
                                            return changes.record(actor.id(), announcedAs, now, before, announced.apply(before, after), after)
                                                    .call(() -> announcedAs == RoomChangeType.RELEASED ? slotRoomGoes(actor, after, now)
                                                            : Uni.createFrom().voidItem());
                                        }).map(details -> details.withWarnings(warnings));
                                    });
                                });
                    });
                });
    }

    /**
     * The guest left a session booked from a slot: the slot is offered again and the room, which stood only for that
     * booking, goes (announced as DELETED after the RELEASED event). A room made directly stays open.
     */
    private Uni<Void> slotRoomGoes(UserProfile actor, PracticeRoom released, Instant now) {
        return slots.roomReleased(actor.id(), released, now)
                .chain(hadSlot -> hadSlot ? deletion.delete(actor.id(), released, now) : Uni.createFrom().voidItem());
    }

    /** The room as read before the transaction, and the question to Google its change raises (null: none). */
    private record Read(PracticeRoom room, ConflictCheck.GoogleQuestion question) {
    }

    /** The room as read before the transaction, and what Google answered (null: not asked). */
    private record Asked(PracticeRoom room, ConflictCheck.GoogleAnswers answers) {
    }

    private static List<String> people(PracticeRoom room) {
        return java.util.Arrays.asList(room.hostId(), room.guestId());
    }

    /** The time the session's own event may already show on Google calendars, before the change. */
    private static TimeWindow ownEvent(PracticeRoom before) {
        return before.timeCalendarsMayShow();
    }

    /** Booking a room, or moving a booked one, commits its people to the time; other edits do not. */
    private static boolean clashMatters(PracticeRoom before, PracticeRoom after) {
        return after.isBooked() && (!before.isBooked() || !before.window().equals(after.window()));
    }
}

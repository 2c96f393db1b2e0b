package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.ApplyCalendarChangeCommand;
import io.schedulr.scheduling.application.port.in.ApplyCalendarChangeCommand.Change;
import io.schedulr.scheduling.application.port.in.ApplyCalendarChangeUseCase.Outcome;
import io.schedulr.scheduling.application.port.in.ApplyCalendarChangeUseCase.Result;
import io.schedulr.scheduling.application.port.out.CalendarBusyPort;
import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.domain.CalendarConflictException;
import io.schedulr.scheduling.domain.CalendarConnection;
import io.schedulr.scheduling.domain.CalendarConnectionStatus;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChange;
import io.schedulr.scheduling.domain.RoomChangeType;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.schedulr.scheduling.application.service.Fixture.LENGTH;
import static io.schedulr.scheduling.application.service.Fixture.NOW;
import static io.schedulr.scheduling.application.service.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changes made in Google Calendar, run through scheduling's own rules, against in-memory ports. */
class ApplyCalendarChangeServiceTest {
    private static final Instant LATER = START.plusSeconds(3 * 3600);

    private final Fixture f = new Fixture();

    private ApplyCalendarChangeService service() {
        RoomChangeFlow flow = new RoomChangeFlow(f.store, f.store, f.store, f.store, f.slotOfRoom, f.recorder, f.gate.storedStateOnly(), f.clock);
        return new ApplyCalendarChangeService(f.store, f.store, f.store, flow, f.deletion, f.clock);
    }

    private Result apply(Change change, PracticeRoom room, UserProfile actor, Instant newStart, int sequence) {
        return service().apply(new ApplyCalendarChangeCommand(change, room.id(), room.icsUid().toString(), actor.id(), newStart, sequence))
                .await().indefinitely();
    }

    /** A booked room after {@code moves} reschedules in the app: its SEQUENCE is {@code moves}. */
    private PracticeRoom bookedRoomAtSequence(int moves) {
        PracticeRoom room = f.bookedRoom();
        for (int i = 1; i <= moves; i++) {
            room = room.reschedule(f.host.id(), START.plusSeconds(i * 86400L), NOW);
            f.store.putRoom(room);
        }
        assertThat(room.icsSequence()).isEqualTo(moves);
        return room;
    }

    private void assertNothingChanged(PracticeRoom room, int outbox, int audit) {
        assertThat(f.store.rooms().get(room.id())).isEqualTo(room);
        assertThat(f.store.outbox()).hasSize(outbox);
        assertThat(f.store.audit()).hasSize(audit);
    }

    @Test
    void aMoveByTheHostAtTheCurrentSequenceReschedulesTheRoomKeepingItsLength() {
        PracticeRoom room = bookedRoomAtSequence(1);

        Result result = apply(Change.RESCHEDULE, room, f.host, LATER.plusSeconds(86400 * 5), 1);

        assertThat(result.outcome()).isEqualTo(Outcome.RESCHEDULED);
        PracticeRoom moved = f.store.rooms().get(room.id());
        assertThat(moved.start()).isEqualTo(LATER.plusSeconds(86400 * 5));
        assertThat(moved.window().end()).isEqualTo(moved.start().plus(LENGTH));
        assertThat(moved.icsSequence()).isEqualTo(2);
        assertThat(moved.guestId()).isEqualTo(f.guest.id());
        RoomChange event = f.store.outbox().get(f.store.outbox().size() - 1);
        assertThat(event.type()).isEqualTo(RoomChangeType.RESCHEDULED);
        assertThat(event.room().icsSequence()).isEqualTo(2);
        assertThat(event.host()).isEqualTo(f.host);
        assertThat(event.guest()).isEqualTo(f.guest);
        assertThat(f.store.audit()).last().satisfies(a -> {
            assertThat(a.actor()).isEqualTo(f.host.id());
            assertThat(a.action()).isEqualTo("room.rescheduled");
        });
    }

    @Test
    void aMoveAgainstAnOlderSequenceIsStaleAndChangesNothing() {
        PracticeRoom room = bookedRoomAtSequence(2);

        Result result = apply(Change.RESCHEDULE, room, f.host, LATER, 1);

        assertThat(result.outcome()).isEqualTo(Outcome.STALE);
        assertThat(result.reason()).contains("SEQUENCE 1").contains("at 2");
        assertNothingChanged(room, 0, 0);
    }

    /** The room as it was, announced again one SEQUENCE higher as RESCHEDULED, and audited so. */
    private void assertPutBack(PracticeRoom room, Result result, String reason) {
        assertThat(result.outcome()).isEqualTo(Outcome.PUT_BACK);
        assertThat(result.reason()).startsWith(reason);
        PracticeRoom stored = f.store.rooms().get(room.id());
        assertThat(stored.window()).isEqualTo(room.window());
        assertThat(stored.guestId()).isEqualTo(room.guestId());
        assertThat(stored.icsSequence()).isEqualTo(room.icsSequence() + 1);
        assertThat(f.store.outbox()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(RoomChangeType.RESCHEDULED);
            assertThat(c.room().window()).isEqualTo(room.window());
            assertThat(c.room().icsSequence()).isEqualTo(room.icsSequence() + 1);
            assertThat(c.guest()).isEqualTo(f.guest);
        });
        assertThat(f.store.audit()).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo(f.host.id());
            assertThat(a.action()).isEqualTo("room.rescheduled");
        });
    }

    @Test
    void aMoveToAStartThatHasPassedIsPutBackSoGoogleShowsTheRoomsTimeAgain() {
        PracticeRoom room = f.bookedRoom();

        Result past = apply(Change.RESCHEDULE, room, f.host, NOW.minusSeconds(3600), 0);

        assertPutBack(room, past, "datetime_in_past");
    }

    @Test
    void aMoveOfTheLengthOnlyIsPutBackTheRoomKeepsItsLength() {
        PracticeRoom room = f.bookedRoom();

        Result result = apply(Change.RESCHEDULE, room, f.host, room.start(), 0);

        assertPutBack(room, result, "length");
    }

    @Test
    void afterAPutBackTheNextMoveInGoogleIsMadeAgainstTheNewSequenceAndFollowed() {
        PracticeRoom room = f.bookedRoom();
        apply(Change.RESCHEDULE, room, f.host, NOW.minusSeconds(3600), 0);

        Result next = apply(Change.RESCHEDULE, room, f.host, LATER, 1);

        assertThat(next.outcome()).isEqualTo(Outcome.RESCHEDULED);
        assertThat(f.store.rooms().get(room.id()).start()).isEqualTo(LATER);
        assertThat(f.store.rooms().get(room.id()).icsSequence()).isEqualTo(2);
    }

    @Test
    void theRoomsRulesStillRefuseAndNothingChanges() {
        PracticeRoom room = f.bookedRoom();
        PracticeRoom open = f.room();

        Result guest = apply(Change.RESCHEDULE, room, f.guest, LATER, 0);
        Result otherInvitation = service().apply(new ApplyCalendarChangeCommand(Change.RESCHEDULE, room.id(), UUID.randomUUID().toString(),
                f.host.id(), LATER, 0)).await().indefinitely();
        Result unbooked = apply(Change.RESCHEDULE, open, f.host, NOW.minusSeconds(3600), 0);

        assertThat(guest.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(guest.reason()).startsWith("not_room_host");
        assertThat(otherInvitation.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(otherInvitation.reason()).startsWith("other_invitation");
        assertThat(unbooked.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(unbooked.reason()).startsWith("room_not_booked");
        assertNothingChanged(room, 0, 0);
        assertThat(f.store.rooms().get(open.id())).isEqualTo(open);
    }

    @Test
    void aCommandOfSomeoneUnknownOrForARoomThatDoesNotExistIsRefused() {
        PracticeRoom room = f.bookedRoom();
        UserProfile stranger = new UserProfile("stranger", "s@example.com", "S", "UTC");

        Result unknown = apply(Change.RESCHEDULE, room, stranger, LATER, 0);
        Result unknownCancel = apply(Change.CANCEL, room, stranger, null, 0);
        Result noRoom = service().apply(new ApplyCalendarChangeCommand(Change.RESCHEDULE, RoomId.random(), null, f.host.id(), LATER, 0))
                .await().indefinitely();

        assertThat(unknown.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(unknown.reason()).startsWith("unknown_actor");
        assertThat(unknownCancel.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(noRoom.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(noRoom.reason()).startsWith("room_not_found");
        assertNothingChanged(room, 0, 0);
        assertThat(f.store.findAll(java.util.List.of("stranger")).await().indefinitely()).isEmpty();
    }

    @Test
    void aDeletionByTheHostCancelsTheRoomAsADeletionInTheAppDoes() {
        PracticeRoom room = bookedRoomAtSequence(1);
        Slot slot = Slot.publish(f.host.id(), room.window(), Fixture.SLOT_RULES, NOW).book(f.guest.id(), room.id(), NOW);
        f.store.putSlot(slot);

        Result result = apply(Change.CANCEL, room, f.host, null, 1);

        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(f.store.rooms()).doesNotContainKey(room.id());
        assertThat(f.store.outbox()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(RoomChangeType.CANCELLED);
            assertThat(c.room().icsSequence()).as("a CANCEL outranks the last REQUEST").isEqualTo(2);
        });
        assertThat(f.store.audit()).extracting(a -> a.action()).containsExactly("room.cancelled", "slot.cancelled");
        assertThat(f.store.slots().get(slot.id()).status()).as("its slot is not offered again, as in the app").isEqualTo(SlotStatus.CANCELLED);
    }

    @Test
    void aDeletionOfARoomAlreadyGoneOrAgainstAnOlderSequenceOrByTheGuestChangesNothing() {
        PracticeRoom room = bookedRoomAtSequence(1);

        Result gone = service().apply(new ApplyCalendarChangeCommand(Change.CANCEL, RoomId.random(), null, f.host.id(), null, 0))
                .await().indefinitely();
        Result stale = apply(Change.CANCEL, room, f.host, null, 0);
        Result guest = apply(Change.CANCEL, room, f.guest, null, 1);

        assertThat(gone.outcome()).isEqualTo(Outcome.GONE);
        assertThat(stale.outcome()).isEqualTo(Outcome.STALE);
        assertThat(guest.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(guest.reason()).startsWith("not_room_host");
        assertNothingChanged(room, 0, 0);
    }

    @Test
    void theSameCommandDeliveredTwiceAppliesOnce() {
        PracticeRoom room = f.bookedRoom();

        assertThat(apply(Change.RESCHEDULE, room, f.host, LATER, 0).outcome()).isEqualTo(Outcome.RESCHEDULED);
        assertThat(apply(Change.RESCHEDULE, room, f.host, LATER, 0).outcome()).isEqualTo(Outcome.STALE);
        assertThat(apply(Change.CANCEL, room, f.host, null, 1).outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(apply(Change.CANCEL, room, f.host, null, 1).outcome()).isEqualTo(Outcome.GONE);

        assertThat(f.store.outbox()).extracting(RoomChange::type).containsExactly(RoomChangeType.RESCHEDULED, RoomChangeType.CANCELLED);
    }

    @Test
    void aGuestDecliningAtTheCurrentSequenceReleasesTheBookingAsLeavingInTheAppDoes() {
        PracticeRoom room = bookedRoomAtSequence(1);

        Result result = apply(Change.RELEASE_BOOKING, room, f.guest, null, 1);

        assertThat(result.outcome()).isEqualTo(Outcome.RELEASED);
        PracticeRoom open = f.store.rooms().get(room.id());
        assertThat(open.guestId()).isNull();
        assertThat(open.icsUid()).isNotEqualTo(room.icsUid());
        assertThat(open.icsSequence()).isEqualTo(PracticeRoom.FIRST_SEQUENCE);
        assertThat(open.window()).isEqualTo(room.window());
        assertThat(f.store.outbox()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(RoomChangeType.RELEASED);
            assertThat(c.room().icsUid()).as("the booking as it ends").isEqualTo(room.icsUid());
            assertThat(c.room().icsSequence()).as("a CANCEL outranks the last REQUEST").isEqualTo(2);
            assertThat(c.guest()).isEqualTo(f.guest);
            assertThat(c.host()).isEqualTo(f.host);
        });
        assertThat(f.store.audit()).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo(f.guest.id());
            assertThat(a.action()).isEqualTo("room.released");
            assertThat(a.after()).isEqualTo(open);
        });
    }

    @Test
    void aDeclineByAnyoneButTheGuestAgainstAnOlderSequenceOrAnotherInvitationChangesNothing() {
        PracticeRoom room = bookedRoomAtSequence(1);

        Result host = apply(Change.RELEASE_BOOKING, room, f.host, null, 1);
        Result other = apply(Change.RELEASE_BOOKING, room, f.other, null, 1);
        Result stale = apply(Change.RELEASE_BOOKING, room, f.guest, null, 0);
        Result otherInvitation = service().apply(new ApplyCalendarChangeCommand(Change.RELEASE_BOOKING, room.id(),
                UUID.randomUUID().toString(), f.guest.id(), null, 1)).await().indefinitely();

        assertThat(host.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(host.reason()).startsWith("not_room_guest");
        assertThat(other.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(other.reason()).startsWith("not_room_guest");
        assertThat(stale.outcome()).isEqualTo(Outcome.STALE);
        assertThat(stale.reason()).contains("SEQUENCE 0").contains("at 1");
        assertThat(otherInvitation.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(otherInvitation.reason()).startsWith("other_invitation");
        assertNothingChanged(room, 0, 0);
    }

    @Test
    void aDeclineDeliveredTwiceReleasesOnceAndAnOpenRoomHasNobodyToRelease() {
        PracticeRoom room = f.bookedRoom();
        PracticeRoom open = f.room();

        assertThat(apply(Change.RELEASE_BOOKING, room, f.guest, null, 0).outcome()).isEqualTo(Outcome.RELEASED);
        Result again = apply(Change.RELEASE_BOOKING, room, f.guest, null, 0);
        Result nobody = apply(Change.RELEASE_BOOKING, open, f.guest, null, 0);

        assertThat(again.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(nobody.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(f.store.outbox()).extracting(RoomChange::type).containsExactly(RoomChangeType.RELEASED);
    }

    @Test
    void aDeclineIsNotGatedLikeLeavingInTheApp() {
        f.withCalendarGate();
        PracticeRoom room = f.bookedRoom();

        assertThat(apply(Change.RELEASE_BOOKING, room, f.guest, null, 0).outcome()).isEqualTo(Outcome.RELEASED);
    }

    @Test
    void withTheGateOnTheStoredStateDecidesAndNobodyIsAsked() {
        f.withCalendarGate();
        f.connectedAtTheOwner.add(f.host.id());
        PracticeRoom room = f.bookedRoom();

        Result disconnected = apply(Change.RESCHEDULE, room, f.host, LATER, 0);

        assertThat(disconnected.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(disconnected.reason()).startsWith("calendar_not_connected");
        assertNothingChanged(room, 0, 0);

        f.store.saveUnlessOlder(new CalendarConnection(f.host.id(), CalendarConnectionStatus.CONNECTED, null, "cal", NOW)).await().indefinitely();

        assertThat(apply(Change.RESCHEDULE, room, f.host, LATER, 0).outcome()).isEqualTo(Outcome.RESCHEDULED);
    }

    @Test
    void aDeletionIsNotGatedLikeADeletionInTheApp() {
        f.withCalendarGate();
        PracticeRoom room = f.bookedRoom();

        assertThat(apply(Change.CANCEL, room, f.host, null, 0).outcome()).isEqualTo(Outcome.CANCELLED);
    }

    @Test
    void aCommandWithoutWhatItNeedsIsRefusedBeforeItRuns() {
        assertThatThrownBy(() -> ApplyCalendarChangeCommand.of(Change.RESCHEDULE, UUID.randomUUID().toString(), null, f.host.id(), null, 0))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ApplyCalendarChangeCommand.of(Change.CANCEL, "not-a-uuid", null, f.host.id(), null, 0))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ApplyCalendarChangeCommand.of(Change.CANCEL, UUID.randomUUID().toString(), null, " ", null, 0))
                .isInstanceOf(InvalidRequestException.class);
    }

    /** Everyone is busy everywhere: a clash check that always refuses. */
    private ConflictCheck everyoneBusy() {
        FindBookingsPort busy = new StubBookedTimes((people, window) -> List.of(window), (addresses, window) -> List.of(window));
        return new ConflictCheck(busy, (user, window) -> Uni.createFrom().item(new CalendarBusyPort.NotConnected()),
                user -> Uni.createFrom().item(Optional.empty()), f.store, f.store);
    }

    @Test
    void aMoveAlreadyMadeInGoogleIsNotRefusedForClashesThoughTheSameMoveInTheAppWouldBe() {
        PracticeRoom room = bookedRoomAtSequence(1);
        RoomChangeFlow flow = new RoomChangeFlow(f.store, f.store, f.store, f.store, f.slotOfRoom, f.recorder, f.gate.storedStateOnly(), everyoneBusy(), f.clock);
        Instant later = LATER.plusSeconds(86400 * 5);

        assertThatThrownBy(() -> flow.apply(f.host, room.id(), (r, now) -> r.reschedule(f.host.id(), later, now), EditRoomService::typeOf)
                .await().indefinitely()).isInstanceOf(CalendarConflictException.class);

        Result result = new ApplyCalendarChangeService(f.store, f.store, f.store, flow, f.deletion, f.clock)
                .apply(new ApplyCalendarChangeCommand(Change.RESCHEDULE, room.id(), room.icsUid().toString(), f.host.id(), later, 1))
                .await().indefinitely();

        assertThat(result.outcome()).isEqualTo(Outcome.RESCHEDULED);
        assertThat(f.store.rooms().get(room.id()).start()).isEqualTo(later);
    }
}

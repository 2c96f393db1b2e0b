package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.HandleRoomChangeCommand;
import io.schedulr.notification.application.port.in.HandleRoomChangeUseCase.Outcome;
import io.schedulr.notification.domain.NotificationPlanner;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.RoomChangeKind;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static io.schedulr.notification.support.Fixtures.END;
import static io.schedulr.notification.support.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Google or us: the rule of docs/operations.md, on the application services with in-memory ports. */
class WhoSendsTheInvitationTest {
    private static final Person HOST = new Person("host-sub", "hanna@example.com", "Hanna", "Europe/Berlin");
    private static final Person GUEST = new Person("guest-sub", "gustav@example.org", "Gustav", "America/New_York");

    private final RoomChangeServiceTest.InMemoryStore store = new RoomChangeServiceTest.InMemoryStore();
    private final AtomicInteger kicks = new AtomicInteger();
    private final RoomChangeService gateOn = new RoomChangeService(store, new NotificationPlanner(true), kicks::incrementAndGet,
            new ReminderPlanning(java.time.Clock.systemUTC()));
    private final RoomChangeService gateOff = new RoomChangeService(store, new NotificationPlanner(false), kicks::incrementAndGet,
            new ReminderPlanning(java.time.Clock.systemUTC()));

    @Test
    void withTheGateOnARoomEventIsLeftToGoogleWhateverThisServiceHeardOfTheHost() {
        // calendar-sync-service alone knows the host's connection when it handles the change; it says so if Google won't invite
        assertThat(gateOn.handle(change("b", RoomChangeKind.BOOKED, 0)).await().indefinitely()).isEqualTo(Outcome.LEFT_TO_GOOGLE);
        assertThat(store.emailsTo(HOST.email())).isZero();
        assertThat(store.emailsTo(GUEST.email())).isZero();
        assertThat(store.rows).extracting(RoomChangeServiceTest.InMemoryStore.Row::status).containsOnly("LEFT_TO_GOOGLE").hasSize(2);
        assertThat(kicks.get()).isZero();
    }

    @Test
    void aHostWhoIsNotConnectedOrRevokedIsEmailedOnceCalendarSyncSaysSo() {
        gateOn.handle(change("b", RoomChangeKind.BOOKED, 0)).await().indefinitely();
        assertThat(gateOn.handleMirrorFailure(change("f-b", RoomChangeKind.BOOKED, 0), "not_connected").await().indefinitely())
                .isEqualTo(Outcome.QUEUED);
        gateOn.handle(change("r", RoomChangeKind.RESCHEDULED, 1)).await().indefinitely();
        assertThat(gateOn.handleMirrorFailure(change("f-r", RoomChangeKind.RESCHEDULED, 1), "revoked").await().indefinitely())
                .isEqualTo(Outcome.QUEUED);
        assertThat(store.emailsTo(HOST.email())).isEqualTo(2);
        assertThat(store.emailsTo(GUEST.email())).isEqualTo(2);
        assertThat(kicks.get()).isEqualTo(2);
    }

    @Test
    void withTheGateOffEveryChangeIsEmailed() {
        assertThat(gateOff.handle(change("b", RoomChangeKind.BOOKED, 0)).await().indefinitely()).isEqualTo(Outcome.QUEUED);
        assertThat(store.emailsTo(HOST.email())).isEqualTo(1);
        assertThat(store.emailsTo(GUEST.email())).isEqualTo(1);
    }

    @Test
    void aMirrorFailureAfterTheChangeWasLeftToGoogleEmailsBothOnce() {
        gateOn.handle(change("b", RoomChangeKind.BOOKED, 0)).await().indefinitely();
        assertThat(gateOn.handleMirrorFailure(change("f1", RoomChangeKind.BOOKED, 0), "google_rejected:forbidden").await().indefinitely())
                .isEqualTo(Outcome.QUEUED);
        // the same failure again (redelivered), and a second report of the same change under another id
        assertThat(gateOn.handleMirrorFailure(change("f1", RoomChangeKind.BOOKED, 0), "google_rejected:forbidden").await().indefinitely())
                .isEqualTo(Outcome.DUPLICATE);
        assertThat(gateOn.handleMirrorFailure(change("f2", RoomChangeKind.BOOKED, 0), "not_connected").await().indefinitely())
                .isEqualTo(Outcome.ALREADY_EMAILED);
        assertThat(store.emailsTo(HOST.email())).isEqualTo(1);
        assertThat(store.emailsTo(GUEST.email())).isEqualTo(1);
    }

    @Test
    void aMirrorFailureBeforeTheRoomEventEmailsBothOnce() {
        assertThat(gateOn.handleMirrorFailure(change("f", RoomChangeKind.BOOKED, 0), "not_connected").await().indefinitely())
                .isEqualTo(Outcome.QUEUED);
        // the room event arrives second: both were emailed for this change already, nothing more is queued or left
        assertThat(gateOn.handle(change("b", RoomChangeKind.BOOKED, 0)).await().indefinitely()).isEqualTo(Outcome.ALREADY_EMAILED);
        assertThat(store.emailsTo(HOST.email())).isEqualTo(1);
        assertThat(store.emailsTo(GUEST.email())).isEqualTo(1);
    }

    @Test
    void aMirrorFailureOfACancelAfterTheCancelWasLeftToGoogleStillCancelsByEmail() {
        gateOn.handle(change("b", RoomChangeKind.BOOKED, 0)).await().indefinitely();
        gateOn.handle(change("c", RoomChangeKind.CANCELLED, 1)).await().indefinitely();
        assertThat(gateOn.handleMirrorFailure(change("f", RoomChangeKind.CANCELLED, 1), "google_rejected:forbidden").await().indefinitely())
                .isEqualTo(Outcome.QUEUED);
        assertThat(store.queued).containsExactly("f/" + HOST.email(), "f/" + GUEST.email());
    }

    @Test
    void aMirrorFailureOfABookingAfterTheRoomWasCancelledSendsNoRequest() {
        gateOn.handle(change("b", RoomChangeKind.BOOKED, 0)).await().indefinitely();
        gateOn.handle(change("c", RoomChangeKind.CANCELLED, 1)).await().indefinitely();
        assertThat(gateOn.handleMirrorFailure(change("f", RoomChangeKind.BOOKED, 0), "google_rejected:forbidden").await().indefinitely())
                .isEqualTo(Outcome.STALE);
        assertThat(store.queued).isEmpty();
    }

    @Test
    void aReleaseFollowsTheSameRuleAsACancellation() {
        gateOn.handle(change("b", RoomChangeKind.BOOKED, 0)).await().indefinitely();
        assertThat(gateOn.handle(change("rel", RoomChangeKind.RELEASED, 1)).await().indefinitely()).isEqualTo(Outcome.LEFT_TO_GOOGLE);
        assertThat(store.emailsTo(HOST.email())).isZero();
        assertThat(store.emailsTo(GUEST.email())).isZero();

        // calendar-sync-service could not delete the event in Google: both get our CANCEL, once
        assertThat(gateOn.handleMirrorFailure(change("f", RoomChangeKind.RELEASED, 1), "google_rejected:forbidden").await().indefinitely())
                .isEqualTo(Outcome.QUEUED);
        assertThat(gateOn.handleMirrorFailure(change("f2", RoomChangeKind.RELEASED, 1), "google_rejected:forbidden").await().indefinitely())
                .isEqualTo(Outcome.ALREADY_EMAILED);
        assertThat(store.emailsTo(HOST.email())).isEqualTo(1);
        assertThat(store.emailsTo(GUEST.email())).isEqualTo(1);
    }

    @Test
    void withTheGateOffAReleaseIsEmailedAndTheNextMeetingIsNotTakenForADuplicate() {
        assertThat(gateOff.handle(change("b", RoomChangeKind.BOOKED, 0)).await().indefinitely()).isEqualTo(Outcome.QUEUED);
        assertThat(gateOff.handle(change("rel", RoomChangeKind.RELEASED, 1)).await().indefinitely()).isEqualTo(Outcome.QUEUED);
        // booked again: a new UID at sequence 0 again — the host's REQUEST at sequence 0 of the old UID is another change
        HandleRoomChangeCommand next = new HandleRoomChangeCommand("b2", null, RoomChangeKind.BOOKED, "room-1", "room-1@uid-2", 0, START, END,
                "Lesson", null, HOST, GUEST);
        assertThat(gateOff.handle(next).await().indefinitely()).isEqualTo(Outcome.QUEUED);
        assertThat(store.emailsTo(HOST.email())).isEqualTo(3);
        assertThat(store.emailsTo(GUEST.email())).isEqualTo(3);
    }

    private static HandleRoomChangeCommand change(String eventId, RoomChangeKind kind, int sequence) {
        return new HandleRoomChangeCommand(eventId, null, kind, "room-1", "room-1@uid", sequence, START, END, "Lesson", null, HOST, GUEST);
    }
}

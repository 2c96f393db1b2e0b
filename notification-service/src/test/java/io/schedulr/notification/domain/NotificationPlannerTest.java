package io.schedulr.notification.domain;

import org.junit.jupiter.api.Test;

import static io.schedulr.notification.support.Fixtures.GUEST;
import static io.schedulr.notification.support.Fixtures.HOST;
import static io.schedulr.notification.support.Fixtures.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationPlannerTest {
    static final String UID = meeting(0).icsUid();
    private final NotificationPlanner planner = new NotificationPlanner();

    @Test
    void aBookingInvitesHostAndGuest() {
        NotificationPlan plan = planner.plan("e1", InviteMethod.REQUEST, meeting(0), null);

        assertThat(plan.stale()).isFalse();
        assertThat(plan.invitations()).extracting(i -> i.recipient().email()).containsExactly(HOST.email(), GUEST.email());
        assertThat(plan.invitations()).allMatch(i -> i.method() == InviteMethod.REQUEST && i.eventId().equals("e1"));
        assertThat(plan.nextState()).isEqualTo(new RoomNotificationState("room-1", UID, 0, false));
    }

    @Test
    void aRescheduleWithAHigherSequenceGoesOut() {
        NotificationPlan plan = planner.plan("e2", InviteMethod.REQUEST, meeting(2), new RoomNotificationState("room-1", UID, 1, false));
        assertThat(plan.stale()).isFalse();
        assertThat(plan.nextState().lastSequence()).isEqualTo(2);
    }

    @Test
    void aCancelAtTheSameSequenceAsTheLastRequestGoesOutAndMarksTheRoomCancelled() {
        NotificationPlan plan = planner.plan("e3", InviteMethod.CANCEL, meeting(1), new RoomNotificationState("room-1", UID, 1, false));
        assertThat(plan.stale()).isFalse();
        assertThat(plan.invitations()).hasSize(2).allMatch(i -> i.method() == InviteMethod.CANCEL);
        assertThat(plan.nextState()).isEqualTo(new RoomNotificationState("room-1", UID, 1, true));
    }

    @Test
    void noRequestFollowsACancelUnlessItIsNewer() {
        RoomNotificationState cancelled = new RoomNotificationState("room-1", UID, 3, true);

        NotificationPlan stale = planner.plan("old", InviteMethod.REQUEST, meeting(3), cancelled);
        assertThat(stale.stale()).isTrue();
        assertThat(stale.invitations()).isEmpty();
        assertThat(stale.skipped()).hasSize(2);
        assertThat(stale.nextState()).isEqualTo(cancelled);
        assertThat(stale.staleReason()).contains("cancelled");

        NotificationPlan rebooked = planner.plan("new", InviteMethod.REQUEST, meeting(4), cancelled);
        assertThat(rebooked.stale()).isFalse();
        assertThat(rebooked.nextState()).isEqualTo(new RoomNotificationState("room-1", UID, 4, false));
    }

    @Test
    void anOlderChangeIsStale() {
        assertThat(planner.plan("x", InviteMethod.REQUEST, meeting(1), new RoomNotificationState("room-1", UID, 2, false)).stale()).isTrue();
        assertThat(planner.plan("y", InviteMethod.CANCEL, meeting(1), new RoomNotificationState("room-1", UID, 2, false)).stale()).isTrue();
        assertThat(planner.plan("z", InviteMethod.CANCEL, meeting(2), new RoomNotificationState("room-1", UID, 2, true)).stale())
                .as("a second cancel of the same sequence tells nobody anything new").isTrue();
    }

    @Test
    void hostAndGuestWithTheSameAddressGetOneMail() {
        Meeting selfBooked = new Meeting("r", "u", 0, meeting(0).start(), meeting(0).end(), "t", null, HOST,
                new Person(HOST.email().toUpperCase(), "Me", "UTC"));
        assertThat(planner.plan("e", InviteMethod.REQUEST, selfBooked, null).invitations()).hasSize(1);
    }

    @Test
    void meetingsAndPeopleValidateThemselves() {
        assertThatThrownBy(() -> new Person("not-an-address", "x", "UTC")).isInstanceOf(InvalidRoomChangeException.class);
        assertThat(new Person(" A@B.example ", " ", "Mars/Olympus")).isEqualTo(new Person("a@b.example", "a@b.example", "UTC"));
        assertThatThrownBy(() -> new Meeting("r", "u", 0, meeting(0).end(), meeting(0).start(), "t", null, HOST, GUEST))
                .isInstanceOf(InvalidRoomChangeException.class);
        assertThatThrownBy(() -> new Meeting("r", "u", 0, meeting(0).start(), meeting(0).end(), "t", null, HOST, null))
                .isInstanceOf(InvalidRoomChangeException.class).hasMessageContaining("guest");
        assertThatThrownBy(() -> new Meeting("r", " ", 0, meeting(0).start(), meeting(0).end(), "t", null, HOST, GUEST))
                .isInstanceOf(InvalidRoomChangeException.class).hasMessageContaining("icsUid");
    }

    @Test
    void withTheGateOnARoomEventIsLeftToGoogle() {
        NotificationPlan plan = new NotificationPlanner(true).plan("e1", InviteMethod.REQUEST, meeting(0),
                new RoomSituation(null, java.util.Set.of()), ChangeSource.ROOM_EVENT);
        assertThat(plan.invitations()).isEmpty();
        assertThat(plan.leftToGoogle()).extracting(i -> i.recipient().email()).containsExactly(HOST.email(), GUEST.email());
        assertThat(plan.nextState()).isEqualTo(new RoomNotificationState("room-1", UID, 0, false));
    }

    @Test
    void theGateOffOrAMirrorFailureMeansEmail() {
        NotificationPlan gateOff = new NotificationPlanner(false).plan("e1", InviteMethod.REQUEST, meeting(0),
                new RoomSituation(null, java.util.Set.of()), ChangeSource.ROOM_EVENT);
        NotificationPlan failure = new NotificationPlanner(true).plan("f1", InviteMethod.REQUEST, meeting(0),
                new RoomSituation(null, java.util.Set.of()), ChangeSource.MIRROR_FAILURE);
        assertThat(gateOff.invitations()).hasSize(2);
        assertThat(failure.invitations()).hasSize(2);
        assertThat(gateOff.leftToGoogle()).isEmpty();
        assertThat(failure.leftToGoogle()).isEmpty();
    }

    @Test
    void aMirrorFailureEmailsBothButNobodyTwiceForTheSameChange() {
        NotificationPlan plan = new NotificationPlanner(true).plan("f1", InviteMethod.REQUEST, meeting(0),
                new RoomSituation(new RoomNotificationState("room-1", UID, 0, false), java.util.Set.of(GUEST.email())),
                ChangeSource.MIRROR_FAILURE);
        assertThat(plan.invitations()).extracting(i -> i.recipient().email()).containsExactly(HOST.email());
        assertThat(plan.duplicates()).extracting(i -> i.recipient().email()).containsExactly(GUEST.email());
    }

    @Test
    void aMirroredCancelAtTheCancelledSequenceStillGoesOutButNoRequest() {
        RoomNotificationState cancelled = new RoomNotificationState("room-1", UID, 1, true);
        NotificationPlanner gate = new NotificationPlanner(true);
        assertThat(gate.plan("f", InviteMethod.CANCEL, meeting(1), new RoomSituation(cancelled, java.util.Set.of()),
                ChangeSource.MIRROR_FAILURE).invitations()).hasSize(2);
        assertThat(gate.plan("f", InviteMethod.REQUEST, meeting(1), new RoomSituation(cancelled, java.util.Set.of()),
                ChangeSource.MIRROR_FAILURE).stale()).isTrue();
    }

    // --- the guest leaves (io.schedulr.room.released.v1), and the room is booked again under a new UID ---

    @Test
    void aReleaseCancelsTheMeetingForTheGuestWhoLeftAndTheHost() {
        NotificationPlan plan = planner.plan("rel", InviteMethod.CANCEL, meeting(2), new RoomNotificationState("room-1", UID, 1, false));

        assertThat(plan.stale()).isFalse();
        assertThat(plan.invitations()).extracting(i -> i.recipient().email()).containsExactly(HOST.email(), GUEST.email());
        assertThat(plan.invitations()).allSatisfy(i -> {
            assertThat(i.method()).isEqualTo(InviteMethod.CANCEL);
            assertThat(i.meeting().icsUid()).isEqualTo(UID);
            assertThat(i.meeting().sequence()).isEqualTo(2);
        });
        assertThat(plan.nextState()).isEqualTo(new RoomNotificationState("room-1", UID, 2, true));
    }

    @Test
    void aReleaseOfAConnectedHostsRoomIsLeftToGoogleAndItsMirrorFailureEmailsBoth() {
        NotificationPlanner gate = new NotificationPlanner(true);
        NotificationPlan left = gate.plan("rel", InviteMethod.CANCEL, meeting(2),
                new RoomSituation(new RoomNotificationState("room-1", UID, 1, false), java.util.Set.of()), ChangeSource.ROOM_EVENT);
        assertThat(left.invitations()).isEmpty();
        assertThat(left.leftToGoogle()).extracting(i -> i.recipient().email()).containsExactly(HOST.email(), GUEST.email());

        NotificationPlan failed = gate.plan("f", InviteMethod.CANCEL, meeting(2), new RoomSituation(left.nextState(), java.util.Set.of()),
                ChangeSource.MIRROR_FAILURE);
        assertThat(failed.stale()).isFalse();
        assertThat(failed.invitations()).hasSize(2).allMatch(i -> i.method() == InviteMethod.CANCEL && i.meeting().sequence() == 2);
    }

    @Test
    void aBookingUnderANewUidAfterTheReleaseIsANewMeetingWhateverItsSequence() {
        RoomNotificationState released = new RoomNotificationState("room-1", UID, 5, true);
        Person nextGuest = new Person("next-sub", "nele@example.net", "Nele Next", "Europe/Vienna");
        Meeting next = new Meeting("room-1", "room-1-b@schedulr.test", 0, meeting(0).start(), meeting(0).end(), "Piano practice", null,
                HOST, nextGuest);

        NotificationPlan plan = planner.plan("b2", InviteMethod.REQUEST, next, released);

        assertThat(plan.stale()).isFalse();
        assertThat(plan.invitations()).extracting(i -> i.recipient().email()).containsExactly(HOST.email(), nextGuest.email());
        assertThat(plan.invitations()).allSatisfy(i -> {
            assertThat(i.method()).isEqualTo(InviteMethod.REQUEST);
            assertThat(i.meeting().icsUid()).isEqualTo("room-1-b@schedulr.test");
            assertThat(i.meeting().sequence()).isZero();
        });
        assertThat(plan.nextState()).isEqualTo(new RoomNotificationState("room-1", "room-1-b@schedulr.test", 0, false));
    }

    @Test
    void aLateChangeOfTheReleasedMeetingStaysStale() {
        RoomNotificationState released = new RoomNotificationState("room-1", UID, 2, true);
        assertThat(planner.plan("late", InviteMethod.REQUEST, meeting(1), released).stale()).isTrue();
        assertThat(planner.plan("late", InviteMethod.REQUEST, meeting(2), released).stale()).isTrue();
    }
}

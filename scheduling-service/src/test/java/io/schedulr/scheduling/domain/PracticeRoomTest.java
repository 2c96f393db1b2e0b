package io.schedulr.scheduling.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PracticeRoomTest {
    private static final Instant NOW = Instant.parse("2030-05-01T08:00:00Z");
    private static final Instant T = Instant.parse("2030-05-01T10:00:00Z");
    private final PracticeRoom room = PracticeRoom.offer(RoomId.random(), "host", TimeWindow.starting(T, Duration.ofMinutes(60)), false,
            null, "https://x", NOW);

    @Test
    void aRoomIsOfferedOnlyForTheFuture() {
        assertThatThrownBy(() -> PracticeRoom.offer(RoomId.random(), "host", TimeWindow.starting(NOW, Duration.ofMinutes(60)), false,
                null, "https://x", NOW)).isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "datetime_in_past");
        assertThat(room.window().end()).isEqualTo(T.plus(Duration.ofMinutes(60)));
        assertThat(room.isBooked()).isFalse();
    }

    @Test
    void bookingSetsTheGuestAndNothingElse() {
        PracticeRoom booked = room.book("guest", NOW);
        assertThat(booked.guestId()).isEqualTo("guest");
        assertThat(booked.isParticipant("guest")).isTrue();
        assertThat(booked.icsSequence()).isEqualTo(room.icsSequence());
        assertThat(booked.window()).isEqualTo(room.window());
        assertThat(booked.version()).isEqualTo(room.version());
    }

    @Test
    void bookingRefusesTheHostASecondGuestAndAStartedSession() {
        assertThatThrownBy(() -> room.book("host", NOW)).isInstanceOf(UnprocessableActionException.class)
                .hasFieldOrPropertyWithValue("code", "host_cannot_book_own_room");
        PracticeRoom booked = room.book("guest", NOW);
        assertThatThrownBy(() -> booked.book("late", NOW)).isInstanceOf(RoomAlreadyBookedException.class);
        assertThatThrownBy(() -> room.book("guest", T)).isInstanceOf(UnprocessableActionException.class)
                .hasFieldOrPropertyWithValue("code", "room_in_past");
    }

    @Test
    void rescheduleIsTheHostsKeepsTheLengthAndRaisesTheSequenceOnlyWhenTheTimeMoves() {
        assertThat(room.reschedule("host", T, NOW)).isSameAs(room);
        PracticeRoom moved = room.reschedule("host", T.plusSeconds(600), NOW);
        assertThat(moved.icsSequence()).isEqualTo(1);
        assertThat(moved.icsUid()).isEqualTo(room.icsUid());
        assertThat(moved.window().length()).isEqualTo(room.window().length());
        assertThat(moved.announcedAsCancelled().icsSequence()).isEqualTo(2);
        assertThatThrownBy(() -> room.reschedule("guest", T.plusSeconds(600), NOW)).isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> room.reschedule("host", NOW.minusSeconds(1), NOW)).isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("code", "datetime_in_past");
    }

    @Test
    void aMoveInTheHostsCalendarIsFollowedWhenAllowedAndOtherwiseAnnouncedAgainWhereTheRoomIs() {
        PracticeRoom booked = room.book("guest", NOW);

        PracticeRoom.CalendarMove followed = booked.followCalendarMove("host", T.plusSeconds(600), NOW);
        PracticeRoom.CalendarMove past = booked.followCalendarMove("host", NOW.minusSeconds(1), NOW);
        PracticeRoom.CalendarMove lengthOnly = booked.followCalendarMove("host", T, NOW);

        assertThat(followed.followed()).isTrue();
        assertThat(followed.room()).isEqualTo(booked.reschedule("host", T.plusSeconds(600), NOW));
        assertThat(past.followed()).isFalse();
        assertThat(past.putBack()).startsWith("datetime_in_past");
        assertThat(lengthOnly.putBack()).startsWith("length");
        for (PracticeRoom putBack : new PracticeRoom[] {past.room(), lengthOnly.room()}) {
            assertThat(putBack.window()).isEqualTo(booked.window());
            assertThat(putBack.icsUid()).isEqualTo(booked.icsUid());
            assertThat(putBack.icsSequence()).as("calendars that took the move take the room's time back").isEqualTo(1);
            assertThat(putBack.guestId()).isEqualTo("guest");
        }
        assertThatThrownBy(() -> booked.followCalendarMove("guest", T.plusSeconds(600), NOW)).isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> room.followCalendarMove("host", T.plusSeconds(600), NOW)).isInstanceOf(UnprocessableActionException.class)
                .hasFieldOrPropertyWithValue("code", "room_not_booked");
    }

    @Test
    void calendarsMayShowTheRoomsTimeWhileBookedAndAfterItsGuestLeftUntilItMoves() {
        PracticeRoom booked = room.book("guest", NOW);
        PracticeRoom left = booked.release("guest", NOW);

        assertThat(room.timeCalendarsMayShow()).as("never booked: no event anywhere").isNull();
        assertThat(booked.timeCalendarsMayShow()).isEqualTo(room.window());
        assertThat(left.timeCalendarsMayShow()).as("the left booking's event, until its deletion is mirrored").isEqualTo(room.window());
        assertThat(left.changePrivacy("host", true).timeCalendarsMayShow()).isEqualTo(room.window());
        assertThat(left.reschedule("host", T.plusSeconds(7200), NOW).timeCalendarsMayShow()).isNull();
        assertThat(left.book("other", NOW).release("other", NOW).timeCalendarsMayShow()).isEqualTo(room.window());
    }

    @Test
    void privacyIsTheHostsAndTheStageBelongsToBothParticipants() {
        assertThat(room.changePrivacy("host", true).privateRoom()).isTrue();
        assertThatThrownBy(() -> room.changePrivacy("someone", true)).isInstanceOf(ForbiddenActionException.class);
        PracticeRoom booked = room.book("guest", NOW);
        assertThat(booked.changeStage("guest", "Round 2").stage()).isEqualTo("Round 2");
        assertThat(booked.changeStage("host", "Round 3").stage()).isEqualTo("Round 3");
        assertThatThrownBy(() -> booked.changeStage("stranger", "x")).isInstanceOf(ForbiddenActionException.class)
                .hasFieldOrPropertyWithValue("code", "not_room_participant");
        assertThatThrownBy(() -> booked.changeStage("guest", "x".repeat(201))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void onlyTheHostDeletes() {
        room.requireDeletableBy("host");
        assertThatThrownBy(() -> room.book("guest", NOW).requireDeletableBy("guest")).isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void privateRoomsAreSeenByParticipantsAndThePersonTheyAreOfferedTo() {
        assertThat(RoomAccess.canSee("host", "guest", true, null, "guest")).isTrue();
        assertThat(RoomAccess.canSee("host", "guest", true, null, "other")).isFalse();
        assertThat(RoomAccess.canSee("host", null, true, "invited", "invited")).isTrue();
        assertThat(RoomAccess.canSee("host", null, true, "invited", "other")).isFalse();
        assertThat(RoomAccess.canSee("host", null, true, "invited", null)).isFalse();
        assertThat(RoomAccess.canSee("host", null, false, null, "other")).isTrue();
        assertThat(RoomAccess.isParticipant("host", null, null)).isFalse();
    }

    @Test
    void aPrivateRoomIsBookedOnlyByThePersonItIsOfferedTo() {
        PracticeRoom offered = PracticeRoom.offer(RoomId.random(), "host", TimeWindow.starting(T, Duration.ofMinutes(60)), true, "invited",
                "https://x", NOW);

        assertThatThrownBy(() -> offered.book("other", NOW)).isInstanceOf(RoomNotFoundException.class);
        assertThat(offered.book("invited", NOW).guestId()).isEqualTo("invited");
        assertThatThrownBy(() -> offered.offerTo("invited", "other")).hasFieldOrPropertyWithValue("code", "not_room_host");
        assertThat(offered.offerTo("host", "other").book("other", NOW).guestId()).isEqualTo("other");
        assertThat(offered.changePrivacy("host", false).offeredTo()).as("a public room is offered to all").isNull();
    }

    @Test
    void onlyAPrivateRoomIsOfferedAndNeverToItsHostOrOnceBooked() {
        assertThatThrownBy(() -> PracticeRoom.offer(RoomId.random(), "host", TimeWindow.starting(T, Duration.ofMinutes(60)), false,
                "invited", "https://x", NOW)).hasFieldOrPropertyWithValue("code", "offer_needs_private_room");
        PracticeRoom privateRoom = room.changePrivacy("host", true);
        assertThatThrownBy(() -> privateRoom.offerTo("host", "host")).hasFieldOrPropertyWithValue("code", "invalid_offer_to");
        assertThatThrownBy(() -> privateRoom.offerTo("host", "a").book("a", NOW).offerTo("host", "b"))
                .isInstanceOf(RoomAlreadyBookedException.class);
        assertThatThrownBy(() -> privateRoom.book("anyone", NOW)).as("offered to nobody yet").isInstanceOf(RoomNotFoundException.class);
    }

    @Test
    void theGuestReleasesTheBookingAndTheRoomIsOpenAgainUnderANewInvitation() {
        PracticeRoom booked = room.book("guest", NOW).changeStage("guest", "Round 2").reschedule("host", T.plusSeconds(600), NOW);

        PracticeRoom released = booked.release("guest", NOW);

        assertThat(released.guestId()).isNull();
        assertThat(released.isBooked()).isFalse();
        assertThat(released.icsUid()).isNotEqualTo(booked.icsUid()).isNotEqualTo(room.icsUid());
        assertThat(released.icsSequence()).isEqualTo(PracticeRoom.FIRST_SEQUENCE).isEqualTo(room.icsSequence());
        assertThat(released.window()).isEqualTo(booked.window());
        assertThat(released.hostId()).isEqualTo("host");
        assertThat(released.version()).as("the stored version is checked when it is saved").isEqualTo(booked.version());
        assertThat(released.book("next", NOW).icsUid()).as("the next booking is a new meeting").isEqualTo(released.icsUid());

        PracticeRoom ending = booked.announcedAsReleased();
        assertThat(ending.icsUid()).isEqualTo(booked.icsUid());
        assertThat(ending.icsSequence()).as("a CANCEL outranks the last REQUEST").isEqualTo(booked.icsSequence() + 1);
        assertThat(ending.guestId()).isEqualTo("guest");
    }

    @Test
    void onlyTheGuestReleasesOnlyABookedRoomAndOnlyBeforeItStarts() {
        PracticeRoom booked = room.book("guest", NOW);

        assertThatThrownBy(() -> booked.release("host", NOW)).isInstanceOf(ForbiddenActionException.class)
                .hasFieldOrPropertyWithValue("code", "not_room_guest");
        assertThatThrownBy(() -> booked.release("stranger", NOW)).isInstanceOf(ForbiddenActionException.class)
                .hasFieldOrPropertyWithValue("code", "not_room_guest");
        assertThatThrownBy(() -> room.release("host", NOW)).isInstanceOf(UnprocessableActionException.class)
                .hasFieldOrPropertyWithValue("code", "room_not_booked");
        assertThatThrownBy(() -> booked.release("guest", NOW).release("guest", NOW)).isInstanceOf(UnprocessableActionException.class)
                .hasFieldOrPropertyWithValue("code", "room_not_booked");
        assertThatThrownBy(() -> booked.release("guest", T)).isInstanceOf(UnprocessableActionException.class)
                .hasFieldOrPropertyWithValue("code", "room_in_past");
    }
}

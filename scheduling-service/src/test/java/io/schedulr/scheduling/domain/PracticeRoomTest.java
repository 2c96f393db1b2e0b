package io.schedulr.scheduling.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PracticeRoomTest {
    private static final Instant T = Instant.parse("2030-05-01T10:00:00Z");
    private final PracticeRoom room = new PracticeRoom(UUID.randomUUID(), "host", null, null, "https://x", false, T.minusSeconds(3600),
            T, UUID.randomUUID(), 0, 0, null);

    @Test
    void rescheduleRaisesTheSequenceOnlyWhenTheTimeMoves() {
        assertThat(room.rescheduledTo(T)).isSameAs(room);
        PracticeRoom moved = room.rescheduledTo(T.plusSeconds(600));
        assertThat(moved.icsSequence()).isEqualTo(1);
        assertThat(moved.icsUid()).isEqualTo(room.icsUid());
        assertThat(moved.cancelled().icsSequence()).isEqualTo(2);
    }

    @Test
    void participantsAreHostAndGuest() {
        assertThat(room.isParticipant("host")).isTrue();
        assertThat(room.isBooked()).isFalse();
        assertThat(room.isParticipant("someone")).isFalse();
    }

    @Test
    void bookingSetsOnlyTheGuestAndAStoredWriteOnlyTheVersion() {
        PracticeRoom booked = room.bookedBy("guest").nextVersion();
        assertThat(booked.guestId()).isEqualTo("guest");
        assertThat(booked.isParticipant("guest")).isTrue();
        assertThat(booked.version()).isEqualTo(room.version() + 1);
        assertThat(booked.icsSequence()).isEqualTo(room.icsSequence());
        assertThat(booked.datetimeUtc()).isEqualTo(room.datetimeUtc());
    }

    @Test
    void timesNeedAnOffsetAndIdsMustBeUuids() {
        assertThat(Timestamps.parseUtc("t", "2030-05-01T12:00:00+02:00")).isEqualTo(T);
        assertThatThrownBy(() -> Timestamps.parseUtc("t", "2030-05-01T10:00:00")).hasMessageContaining("offset");
        assertThatThrownBy(() -> Timestamps.requireFuture("t", T, T)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RoomIds.parse("1-2-3-4-5")).isInstanceOf(InvalidRequestException.class);
        assertThat(RoomIds.parse(room.id().toString())).isEqualTo(room.id());
    }
}

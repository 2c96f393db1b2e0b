package io.schedulr.scheduling.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlotTest {
    private static final Instant NOW = Instant.parse("2030-05-01T08:00:00Z");
    private static final SlotRules RULES = new SlotRules(Duration.ofMinutes(15), Duration.ofHours(8), 100);
    private final Slot slot = Slot.publish("host", TimeWindow.starting(NOW.plusSeconds(3600), Duration.ofHours(1)), RULES, NOW);

    @Test
    void publishingChecksTheFutureAndTheLength() {
        assertThat(slot.status()).isEqualTo(SlotStatus.OPEN);
        assertThatThrownBy(() -> Slot.publish("host", TimeWindow.starting(NOW.minusSeconds(1), Duration.ofHours(1)), RULES, NOW))
                .hasFieldOrPropertyWithValue("code", "datetime_in_past");
        assertThatThrownBy(() -> Slot.publish("host", TimeWindow.starting(NOW.plusSeconds(60), Duration.ofMinutes(10)), RULES, NOW))
                .hasFieldOrPropertyWithValue("code", "invalid_slot_length");
        assertThatThrownBy(() -> Slot.publish("host", TimeWindow.starting(NOW.plusSeconds(60), Duration.ofHours(9)), RULES, NOW))
                .hasFieldOrPropertyWithValue("code", "invalid_slot_length");
        assertThatThrownBy(() -> new TimeWindow(NOW.plusSeconds(60), NOW)).hasFieldOrPropertyWithValue("code", "end_before_start");
    }

    @Test
    void bookingNeedsAnOpenFutureSlotOfSomeoneElse() {
        RoomId room = RoomId.random();
        Slot booked = slot.book("guest", room, NOW);
        assertThat(booked.status()).isEqualTo(SlotStatus.BOOKED);
        assertThat(booked.roomId()).isEqualTo(room);
        assertThatThrownBy(() -> slot.book("host", room, NOW)).hasFieldOrPropertyWithValue("code", "cannot_book_own_slot");
        assertThatThrownBy(() -> booked.book("other", RoomId.random(), NOW)).isInstanceOf(SlotConflictException.class);
        assertThatThrownBy(() -> slot.book("guest", room, slot.window().start())).hasFieldOrPropertyWithValue("code", "slot_in_past");
    }

    @Test
    void onlyTheHostCancelsAndOnlyOnce() {
        Slot cancelled = slot.book("guest", RoomId.random(), NOW).cancel("host", NOW);
        assertThat(cancelled.status()).isEqualTo(SlotStatus.CANCELLED);
        assertThat(cancelled.roomId()).isNull();
        assertThatThrownBy(() -> slot.cancel("guest", NOW)).isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> cancelled.cancel("host", NOW)).isInstanceOf(SlotConflictException.class);
    }

    @Test
    void aBookedSlotWhoseGuestLeftIsOpenAgainWithoutItsRoom() {
        Slot reopened = slot.book("guest", RoomId.random(), NOW).reopened(NOW);
        assertThat(reopened.status()).isEqualTo(SlotStatus.OPEN);
        assertThat(reopened.roomId()).isNull();
        assertThat(reopened.window()).isEqualTo(slot.window());
        assertThat(reopened.book("other", RoomId.random(), NOW).status()).isEqualTo(SlotStatus.BOOKED);
        assertThatThrownBy(() -> slot.reopened(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSlotHasARoomExactlyWhenBooked() {
        assertThatThrownBy(() -> new Slot(SlotId.random(), "host", slot.window(), SlotStatus.BOOKED, null, NOW, NOW, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

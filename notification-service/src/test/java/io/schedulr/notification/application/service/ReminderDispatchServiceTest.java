package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.SendDueRemindersUseCase.Report;
import io.schedulr.notification.application.port.out.SendReminderPort;
import io.schedulr.notification.domain.DueReminder;
import io.schedulr.notification.domain.NotificationPlanner;
import io.schedulr.notification.domain.RedeliveryPolicy;
import io.schedulr.notification.domain.ReminderOutcome;
import io.schedulr.notification.domain.ReminderPreference;
import io.schedulr.notification.domain.RoomChangeKind;
import io.schedulr.testsupport.SettableClock;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.schedulr.notification.application.service.ReminderPlanningTest.GUEST;
import static io.schedulr.notification.application.service.ReminderPlanningTest.HOST;
import static io.schedulr.notification.application.service.ReminderPlanningTest.NOW;
import static io.schedulr.notification.application.service.ReminderPlanningTest.START;
import static io.schedulr.notification.application.service.ReminderPlanningTest.room;
import static org.assertj.core.api.Assertions.assertThat;

/** Sending due reminders: once each, never late, never for a cancelled session; a refusal is retried with back-off. */
class ReminderDispatchServiceTest {
    final SettableClock clock = new SettableClock(NOW);
    final RoomChangeServiceTest.InMemoryStore rooms = new RoomChangeServiceTest.InMemoryStore();
    final InMemoryReminders reminders = rooms.reminderPlans;
    final RoomChangeService roomService = new RoomChangeService(rooms, new NotificationPlanner(false), () -> { }, new ReminderPlanning(clock));
    final FakeMailer mailer = new FakeMailer();
    final ReminderDispatchService dispatch = new ReminderDispatchService(reminders, mailer, clock,
            new RedeliveryPolicy(Duration.ofSeconds(15), Duration.ofMinutes(2)), 10, Duration.ofMinutes(2));

    static final class FakeMailer implements SendReminderPort {
        final List<String> sent = new ArrayList<>();
        final Set<String> refusing = new HashSet<>();
        Runnable whileSending = () -> { };

        @Override
        public Uni<Void> send(DueReminder reminder, Instant now) {
            whileSending.run();
            String to = reminder.slot().recipientEmail();
            if (refusing.contains(to)) {
                return Uni.createFrom().failure(new IllegalStateException("550 mailbox unavailable"));
            }
            sent.add(to + " " + reminder.slot().offsetMinutes());
            return Uni.createFrom().voidItem();
        }
    }

    Report round() {
        return dispatch.sendDue().await().indefinitely();
    }

    @Test
    void eachReminderGoesOutOnceWhenDue() {
        roomService.handle(room("e1", RoomChangeKind.BOOKED, 0, START)).await().indefinitely();

        assertThat(round().claimed()).as("nothing is due yet").isZero();
        clock.set(START.minus(Duration.ofMinutes(60)));
        assertThat(round().sent()).isEqualTo(2);
        assertThat(mailer.sent).containsExactlyInAnyOrder(HOST.email() + " 60", GUEST.email() + " 60");
        assertThat(round().claimed()).as("sent ones are not claimed again").isZero();

        clock.set(START.minus(Duration.ofMinutes(9)));
        round();
        assertThat(mailer.sent).hasSize(4).contains(HOST.email() + " 10", GUEST.email() + " 10");
        assertThat(reminders.audits).extracting(a -> a.outcome()).containsOnly(ReminderOutcome.SENT).hasSize(4);
    }

    @Test
    void aReminderThatCanNoLongerArriveBeforeTheStartIsSkippedAndAudited() {
        roomService.handle(room("e1", RoomChangeKind.BOOKED, 0, START)).await().indefinitely();
        clock.set(START.plus(Duration.ofSeconds(1))); // e.g. the service was down longer than the lead

        Report report = round();

        assertThat(mailer.sent).isEmpty();
        assertThat(report.skippedLate()).isEqualTo(4);
        assertThat(reminders.withStatus("SKIPPED")).hasSize(4);
        assertThat(reminders.audits).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo(ReminderOutcome.SKIPPED_LATE);
            assertThat(a.detail()).contains("could no longer arrive");
        });
    }

    @Test
    void oneRecipientsRefusalIsRetriedWithBackOffAndDoesNotStopTheOthersUntilTheStartPasses() {
        roomService.handle(room("e1", RoomChangeKind.BOOKED, 0, START)).await().indefinitely();
        mailer.refusing.add(GUEST.email());
        clock.set(START.minus(Duration.ofMinutes(10)));
        reminders.rows.stream().filter(r -> r.slot.offsetMinutes() == 60).forEach(r -> r.status = "SENT");

        Report first = round();
        assertThat(first.sent()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        InMemoryReminders.Row failed = reminders.withStatus("PENDING").get(0);
        assertThat(failed.slot.recipientEmail()).isEqualTo(GUEST.email());
        assertThat(failed.nextAttemptAt).isEqualTo(START.minus(Duration.ofMinutes(10)).plusSeconds(15));

        clock.advance(Duration.ofSeconds(5));
        assertThat(round().claimed()).as("not before its back-off").isZero();
        clock.advance(Duration.ofSeconds(10));
        assertThat(round().failed()).isEqualTo(1);
        assertThat(failed.nextAttemptAt).as("doubled").isEqualTo(clock.instant().plusSeconds(30));

        mailer.refusing.clear();
        clock.set(START);
        assertThat(round().skippedLate()).isEqualTo(1);
        assertThat(mailer.sent).containsExactly(HOST.email() + " 10");
        assertThat(reminders.audits).extracting(a -> a.outcome())
                .containsExactlyInAnyOrder(ReminderOutcome.SENT, ReminderOutcome.FAILED, ReminderOutcome.FAILED, ReminderOutcome.SKIPPED_LATE);
    }

    @Test
    void aSessionCancelledAfterTheClaimIsNotSent() {
        roomService.handle(room("e1", RoomChangeKind.BOOKED, 0, START)).await().indefinitely();
        clock.set(START.minus(Duration.ofMinutes(60)));
        var claims = reminders.claimDue(clock.instant(), Duration.ofMinutes(2), 10).await().indefinitely();
        assertThat(claims).hasSize(2);

        reminders.cancelled.put("room:room-1", true); // the cancellation commits between the claim and the send
        for (var claim : claims) {
            reminders.settle(claim, dispatch::decide).await().indefinitely();
        }

        assertThat(mailer.sent).isEmpty();
        assertThat(reminders.withStatus("CANCELLED")).hasSize(2);
    }

    @Test
    void aPreferenceChangedAfterTheClaimIsHonouredWhenTheReminderIsSettled() {
        roomService.handle(room("e1", RoomChangeKind.BOOKED, 0, START)).await().indefinitely();
        clock.set(START.minus(Duration.ofMinutes(60)));
        var claims = reminders.claimDue(clock.instant(), Duration.ofMinutes(2), 10).await().indefinitely();
        assertThat(claims).hasSize(2);

        // Committed between the claim and the send: the re-plan found these reminders being sent, not pending.
        reminders.preferences.put(HOST.id(), new ReminderPreference(List.of(10), true)); // no 60-minute reminder any more
        reminders.preferences.put(GUEST.id(), new ReminderPreference(List.of(60, 10), false)); // only Google's pop-ups
        for (var claim : claims) {
            reminders.settle(claim, dispatch::decide).await().indefinitely();
        }

        assertThat(mailer.sent).isEmpty();
        assertThat(reminders.withStatus("CANCELLED")).hasSize(2);
        assertThat(reminders.audits).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo(ReminderOutcome.CANCELLED);
            assertThat(a.detail()).contains("reminder preferences changed");
        });
    }

    @Test
    void anUnchangedOrDefaultPreferenceStillSendsTheReminder() {
        roomService.handle(room("e1", RoomChangeKind.BOOKED, 0, START)).await().indefinitely();
        clock.set(START.minus(Duration.ofMinutes(60)));
        var claims = reminders.claimDue(clock.instant(), Duration.ofMinutes(2), 10).await().indefinitely();

        reminders.preferences.put(HOST.id(), new ReminderPreference(List.of(60, 15), true)); // still 60 minutes before
        for (var claim : claims) {
            reminders.settle(claim, dispatch::decide).await().indefinitely();
        }

        assertThat(mailer.sent).containsExactlyInAnyOrder(HOST.email() + " 60", GUEST.email() + " 60");
    }

    @Test
    void aReminderOfTheOldTimeStillClaimedWhenTheSessionMovedIsNotSent() {
        roomService.handle(room("e1", RoomChangeKind.BOOKED, 0, START)).await().indefinitely();
        clock.set(START.minus(Duration.ofMinutes(60)));
        var claims = reminders.claimDue(clock.instant(), Duration.ofMinutes(2), 10).await().indefinitely();

        roomService.handle(room("e2", RoomChangeKind.RESCHEDULED, 1, START.plus(Duration.ofHours(4)))).await().indefinitely();
        for (var claim : claims) {
            reminders.settle(claim, dispatch::decide).await().indefinitely();
        }

        assertThat(mailer.sent).isEmpty();
        assertThat(reminders.pending()).hasSize(4);
    }

    @Test
    void aClaimWhoseLeaseRanOutAndWasTakenByAnotherSenderIsNotSentTwice() {
        roomService.handle(room("e1", RoomChangeKind.BOOKED, 0, START)).await().indefinitely();
        clock.set(START.minus(Duration.ofMinutes(60)));
        var slow = reminders.claimDue(clock.instant(), Duration.ofMinutes(2), 10).await().indefinitely();

        clock.advance(Duration.ofMinutes(3)); // the first sender stalled past its lease; another replica takes over
        assertThat(round().sent()).isEqualTo(2);
        for (var claim : slow) {
            assertThat(reminders.settle(claim, dispatch::decide).await().indefinitely()).as("lost claim").isNull();
        }

        assertThat(mailer.sent).hasSize(2);
    }
}

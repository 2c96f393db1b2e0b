package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.HandleRoomChangeCommand;
import io.schedulr.notification.application.port.in.HandleRoomChangeUseCase.Outcome;
import io.schedulr.notification.application.port.out.RecordRoomChangePort;
import io.schedulr.notification.domain.InvalidRoomChangeException;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.NotificationPlan;
import io.schedulr.notification.domain.NotificationPlanner;
import io.schedulr.notification.domain.RoomChangeKind;
import io.schedulr.notification.domain.RoomNotificationState;
import io.schedulr.notification.domain.RoomSituation;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.schedulr.notification.support.Fixtures.END;
import static io.schedulr.notification.support.Fixtures.GUEST;
import static io.schedulr.notification.support.Fixtures.HOST;
import static io.schedulr.notification.support.Fixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RoomChangeServiceTest {
    private static final io.schedulr.notification.domain.Person OTHER_GUEST =
            new io.schedulr.notification.domain.Person("other-sub", "olga@example.net", "Olga Other", "Europe/Vienna");
    private final InMemoryStore store = new InMemoryStore();
    private final AtomicInteger kicks = new AtomicInteger();
    private final RoomChangeService service = new RoomChangeService(store, new NotificationPlanner(), kicks::incrementAndGet,
            new ReminderPlanning(java.time.Clock.systemUTC()));

    @Test
    void queuesOnceAndRecognisesTheReplay() {
        HandleRoomChangeCommand booking = command("e1", RoomChangeKind.BOOKED, 0);
        assertThat(service.handle(booking).await().indefinitely()).isEqualTo(Outcome.QUEUED);
        assertThat(service.handle(booking).await().indefinitely()).isEqualTo(Outcome.DUPLICATE);
        assertThat(store.queued).hasSize(2);
        assertThat(kicks.get()).isEqualTo(1);
    }

    @Test
    void aRequestOlderThanTheCancelIsStale() {
        service.handle(command("b", RoomChangeKind.BOOKED, 0)).await().indefinitely();
        service.handle(command("c", RoomChangeKind.CANCELLED, 1)).await().indefinitely();
        assertThat(service.handle(command("r", RoomChangeKind.RESCHEDULED, 1)).await().indefinitely()).isEqualTo(Outcome.STALE);
        assertThat(store.queued).hasSize(4);
    }

    @Test
    void otherChangesAndUnbookedCancellationsTellNobody() {
        assertThat(service.handle(command("o", RoomChangeKind.OTHER, 0)).await().indefinitely()).isEqualTo(Outcome.IGNORED);
        HandleRoomChangeCommand unbooked = new HandleRoomChangeCommand("x", null, RoomChangeKind.CANCELLED, "room-1", "uid", 1, START, END,
                "t", null, HOST, null);
        assertThat(service.handle(unbooked).await().indefinitely()).isEqualTo(Outcome.IGNORED);
        assertThat(store.consumed).contains("x");
        assertThat(store.queued).isEmpty();
        assertThat(kicks.get()).isZero();
    }

    @Test
    void aBookingWithoutGuestIsInvalid() {
        HandleRoomChangeCommand noGuest = new HandleRoomChangeCommand("x", null, RoomChangeKind.BOOKED, "room-1", "uid", 1, START, END, "t",
                null, HOST, null);
        assertThatThrownBy(() -> service.handle(noGuest).await().indefinitely()).isInstanceOf(InvalidRoomChangeException.class);
    }

    @Test
    void aReleaseCancelsForBothAndTheNextBookingUnderANewUidIsInvitedAfresh() {
        service.handle(command("b", RoomChangeKind.BOOKED, 0)).await().indefinitely();
        service.handle(command("r", RoomChangeKind.RESCHEDULED, 1)).await().indefinitely();
        assertThat(service.handle(command("rel", RoomChangeKind.RELEASED, 2)).await().indefinitely()).isEqualTo(Outcome.QUEUED);
        assertThat(store.rows).filteredOn(r -> r.eventId().equals("rel"))
                .extracting(InMemoryStore.Row::recipient, InMemoryStore.Row::method, InMemoryStore.Row::icsUid, InMemoryStore.Row::sequence)
                .containsExactlyInAnyOrder(tuple(HOST.email(), InviteMethod.CANCEL, "room-1@uid", 2),
                        tuple(GUEST.email(), InviteMethod.CANCEL, "room-1@uid", 2));

        // the room is open again; its next booking is a new meeting (new UID, sequence 0) with another guest
        HandleRoomChangeCommand next = new HandleRoomChangeCommand("b2", null, RoomChangeKind.BOOKED, "room-1", "room-1@uid-2", 0, START, END,
                "Lesson", null, HOST, OTHER_GUEST);
        assertThat(service.handle(next).await().indefinitely()).isEqualTo(Outcome.QUEUED);
        assertThat(store.rows).filteredOn(r -> r.eventId().equals("b2"))
                .extracting(InMemoryStore.Row::recipient, InMemoryStore.Row::method, InMemoryStore.Row::icsUid, InMemoryStore.Row::sequence)
                .containsExactlyInAnyOrder(tuple(HOST.email(), InviteMethod.REQUEST, "room-1@uid-2", 0),
                        tuple(OTHER_GUEST.email(), InviteMethod.REQUEST, "room-1@uid-2", 0));

        // a late change of the released meeting still changes nothing
        assertThat(service.handle(command("late", RoomChangeKind.RESCHEDULED, 1)).await().indefinitely()).isEqualTo(Outcome.STALE);
    }

    @Test
    void aReleaseWithoutTheGuestTellsNobody() {
        HandleRoomChangeCommand noGuest = new HandleRoomChangeCommand("x", null, RoomChangeKind.RELEASED, "room-1", "uid", 1, START, END,
                "t", null, HOST, null);
        assertThat(service.handle(noGuest).await().indefinitely()).isEqualTo(Outcome.IGNORED);
        assertThat(store.consumed).contains("x");
        assertThat(store.queued).isEmpty();
    }

    private static HandleRoomChangeCommand command(String eventId, RoomChangeKind kind, int sequence) {
        return new HandleRoomChangeCommand(eventId, null, kind, "room-1", "room-1@uid", sequence, START, END, "Lesson", null, HOST, GUEST);
    }

    /**
     * The unit of work in memory, with the same rules as PostgreSQL: consumed event ids, state per meeting (room, UID),
     * delivery rows per change (room, UID, sequence, method) and recipient.
     */
    static final class InMemoryStore implements RecordRoomChangePort {
        record Row(String eventId, String roomId, String icsUid, int sequence, InviteMethod method, String recipient, String status) {
        }

        final Set<String> consumed = new HashSet<>();
        final Map<String, RoomNotificationState> rooms = new HashMap<>();
        final List<String> queued = new ArrayList<>();
        final List<Row> rows = new ArrayList<>();
        /** The reminder tables, changed in the same unit of work as the event's. */
        final InMemoryReminders reminderPlans = new InMemoryReminders();

        @Override
        public synchronized Uni<NotificationPlan> recordOnce(String eventId, Meeting meeting, InviteMethod method,
                                                             Function<RoomSituation, NotificationPlan> planner,
                                                             Function<io.schedulr.notification.application.port.out.ReminderPlanPort, Uni<?>> reminders) {
            if (!consumed.add(eventId)) {
                return Uni.createFrom().nullItem();
            }
            Set<String> emailed = new HashSet<>();
            rows.stream().filter(r -> r.roomId().equals(meeting.roomId()) && r.icsUid().equals(meeting.icsUid())
                    && r.sequence() == meeting.sequence() && r.method() == method
                    && !r.status().equals("LEFT_TO_GOOGLE")).forEach(r -> emailed.add(r.recipient()));
            NotificationPlan plan = planner.apply(new RoomSituation(rooms.get(meetingKey(meeting)), emailed));
            plan.invitations().forEach(i -> {
                queued.add(i.eventId() + "/" + i.recipient().email());
                rows.add(new Row(i.eventId(), meeting.roomId(), meeting.icsUid(), meeting.sequence(), method, i.recipient().email(), "PENDING"));
            });
            plan.leftToGoogle().forEach(i -> rows.add(new Row(i.eventId(), meeting.roomId(), meeting.icsUid(), meeting.sequence(), method,
                    i.recipient().email(), "LEFT_TO_GOOGLE")));
            rooms.put(meetingKey(meeting), plan.nextState());
            if (reminders != null) {
                reminders.apply(reminderPlans).await().indefinitely();
            }
            return Uni.createFrom().item(plan);
        }

        /** State is kept per meeting: (room, UID). */
        private static String meetingKey(Meeting meeting) {
            return meeting.roomId() + "\n" + meeting.icsUid();
        }

        @Override
        public Uni<Void> markConsumed(String eventId, String roomId,
                                      Function<io.schedulr.notification.application.port.out.ReminderPlanPort, Uni<?>> reminders) {
            if (consumed.add(eventId) && reminders != null) {
                reminders.apply(reminderPlans).await().indefinitely();
            }
            return Uni.createFrom().voidItem();
        }

        /** Emails queued (not left to Google) to this address. */
        long emailsTo(String email) {
            return rows.stream().filter(r -> r.recipient().equals(email) && r.status().equals("PENDING")).count();
        }
    }
}

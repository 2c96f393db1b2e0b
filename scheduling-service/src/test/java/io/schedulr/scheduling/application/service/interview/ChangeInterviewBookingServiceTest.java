package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.out.FindBookingsPort;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayException;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.BookingState;
import io.schedulr.scheduling.application.service.ConflictCheck;
import io.schedulr.scheduling.domain.CalendarConflictException;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.CalcomBookingChange;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewChange;
import io.schedulr.scheduling.domain.interview.InterviewStatus;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cancelling and moving a sent interview with in-memory ports: Cal.com first, then the interview, everyone told once. */
class ChangeInterviewBookingServiceTest {
    private static final Instant NOW = InterviewWorld.NOW;
    private static final Instant START = InterviewWorld.START;

    private final InterviewWorld world = new InterviewWorld();
    private final InMemoryInterviews store = world.store;
    private final Actor ada = world.ada;
    private final Actor ben = world.ben;
    private final Actor admin = new Actor(new UserProfile("root", "root@fund.test", "Root", "UTC"), true);
    private final ChangeInterviewBookingService changes = new ChangeInterviewBookingService(world.team, world.interviews, store,
            ConflictCheck.none(), world.clock);
    private final ApplyCalcomBookingService lifecycle = world.lifecycle;
    private final UUID id = world.ready();

    private void send() {
        world.sending.send(ada, id).await().indefinitely();
        store.announced.clear();
    }

    private Interview current() {
        return store.interviews.get(id);
    }

    @Test
    void aMoveAsksCalcomThenTellsEveryoneAndItsWebhookAfterwardsTellsNobodyAgain() {
        send();
        Instant later = START.plus(Duration.ofDays(1));
        changes.reschedule(ada, id, later, "  Travelling ", false).await().indefinitely();

        assertThat(store.changes).containsExactly("reschedule bk1 " + later + " Travelling");
        assertThat(current().startAt()).isEqualTo(later);
        assertThat(current().calcomBookingUid()).isEqualTo("rs1");
        assertThat(current().calcomIcalUid()).as("kept when Cal.com's answer names none").isEqualTo("bk1@Cal.com");
        assertThat(current().sequence()).isEqualTo(1);
        assertThat(store.announced).extracting(a -> a.change()).containsExactly(InterviewChange.RESCHEDULED);

        lifecycle.apply(change(CalcomBookingChange.Kind.RESCHEDULED, "rs1", later, 1)).await().indefinitely();
        assertThat(current().sequence()).isEqualTo(1);
        assertThat(current().calcomSequence()).isEqualTo(1);
        assertThat(current().status()).as("Cal.com's booking stands").isEqualTo(InterviewStatus.CONFIRMED);
        assertThat(store.announced).hasSize(1);
    }

    @Test
    void whenCalcomsWebhookCameFirstTheAnswerChangesNothing() {
        send();
        Instant later = START.plus(Duration.ofDays(2));
        // Cal.com's webhook for the move is handled before Cal.com's answer to us arrives; it names the uid the answer carries
        store.beforeAnswer = () -> lifecycle.apply(change(CalcomBookingChange.Kind.RESCHEDULED, "rs1", later, 1)).await().indefinitely();

        changes.reschedule(admin, id, later, null, false).await().indefinitely();
        assertThat(store.announced).extracting(a -> a.change()).containsExactly(InterviewChange.RESCHEDULED);
        assertThat(current().startAt()).isEqualTo(later);
        assertThat(current().sequence()).isEqualTo(1);
    }

    @Test
    void aCancellationIsToldOnceWithItsReason() {
        send();
        changes.cancel(ada, id, "The startup withdrew").await().indefinitely();
        assertThat(store.changes).containsExactly("cancel bk1 The startup withdrew");
        assertThat(current().status()).isEqualTo(InterviewStatus.CANCELLED);
        assertThat(current().cancellationReason()).isEqualTo("The startup withdrew");
        lifecycle.apply(change(CalcomBookingChange.Kind.CANCELLED, "bk1", START, 1)).await().indefinitely();
        assertThat(store.announced).extracting(a -> a.change()).containsExactly(InterviewChange.CANCELLED);
    }

    @Test
    void aBookingCancelledOnCalcomAlreadyIsCancelledHereWhenCalcomRefusesToCancelItAgain() {
        send();
        // The host asked on Cal.com for a new time: Cal.com cancelled the booking, the interview awaits a new time.
        lifecycle.apply(new CalcomBookingChange(CalcomBookingChange.Kind.CANCELLED, id, "bk1@Cal.com", 1, "bk1", null, "Interview", START,
                START.plus(Duration.ofMinutes(30)), null, null, "Another day?", true, List.of())).await().indefinitely();
        assertThat(current().awaitingNewTime()).isTrue();
        store.states.put("bk1", new BookingState("cancelled", null));
        store.failures.add(new CalcomGatewayException(422, "calcom_rejected", "This booking has already been cancelled.", null));

        changes.cancel(ada, id, "The startup withdrew").await().indefinitely();
        assertThat(current().status()).isEqualTo(InterviewStatus.CANCELLED);
        assertThat(store.announced).extracting(a -> a.change()).containsExactly(InterviewChange.RESCHEDULE_REQUESTED, InterviewChange.CANCELLED);
    }

    @Test
    void aCancelOfABookingMovedOnCalcomMeanwhileSaysSoAndChangesNothing() {
        send();
        // Moved on Cal.com a moment ago: the old booking is cancelled there, replaced by bk9; its webhook has not come.
        store.states.put("bk1", new BookingState("cancelled", "bk9"));
        store.failures.add(new CalcomGatewayException(400, "calcom_rejected", "This booking has already been cancelled.", null));
        assertThatThrownBy(() -> changes.cancel(ada, id, "The startup withdrew").await().indefinitely())
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "interview_changed_on_calcom");
        assertThat(current().status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(store.announced).isEmpty();
    }

    @Test
    void aRefusalForABookingStillActiveOnCalcomChangesNothing() {
        send();
        store.failures.add(new CalcomGatewayException(422, "calcom_rejected", "No.", null));
        assertThatThrownBy(() -> changes.cancel(ada, id, null).await().indefinitely()).hasFieldOrPropertyWithValue("code", "calcom_rejected");
        assertThat(current().status()).isEqualTo(InterviewStatus.SCHEDULED);
    }

    @Test
    void whatIsRefusedNeverReachesCalcomAndARefusalByCalcomChangesNothing() {
        assertThatThrownBy(() -> changes.cancel(ada, id, null).await().indefinitely()).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "interview_not_sent");
        send();
        assertThatThrownBy(() -> changes.cancel(ben, id, null).await().indefinitely()).isInstanceOf(ForbiddenActionException.class)
                .hasFieldOrPropertyWithValue("code", "not_interview_sender");
        assertThatThrownBy(() -> changes.reschedule(ada, id, NOW.minusSeconds(60), null, false).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_start");
        assertThatThrownBy(() -> changes.cancel(ada, id, "two\nlines").await().indefinitely())
                .isInstanceOf(InvalidRequestException.class).hasFieldOrPropertyWithValue("code", "invalid_reason");
        assertThat(store.changes).isEmpty();

        store.failures.add(new CalcomGatewayException(503, "calcom_unavailable", "down", null));
        assertThatThrownBy(() -> changes.cancel(ada, id, null).await().indefinitely()).isInstanceOf(CalcomGatewayException.class);
        assertThat(current().status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(store.announced).isEmpty();
    }

    @Test
    void aMoveCalcomRefusesBecauseTheBookingWasChangedThereMeanwhileSaysSoAndChangesNothing() {
        send();
        Instant later = START.plus(Duration.ofDays(1));
        // Moved (or cancelled) on Cal.com a moment ago: Cal.com has the old booking cancelled, its webhook has not come.
        store.states.put("bk1", new BookingState("cancelled", null));
        store.failures.add(new CalcomGatewayException(400, "calcom_rejected", "Cannot reschedule a cancelled booking.", null));
        assertThatThrownBy(() -> changes.reschedule(ada, id, later, null, false).await().indefinitely())
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "interview_changed_on_calcom");

        store.states.put("bk1", new BookingState("accepted", null));
        store.failures.add(new CalcomGatewayException(422, "calcom_rejected", "Nobody on the team is free then.", null));
        assertThatThrownBy(() -> changes.reschedule(ada, id, later, null, false).await().indefinitely())
                .as("a refusal of a booking still there is Cal.com's").hasFieldOrPropertyWithValue("code", "calcom_rejected");
        assertThat(current().startAt()).isEqualTo(START);
        assertThat(store.announced).isEmpty();
    }

    @Test
    void aMoveOntoATimeTheTeamIsBusyIsRefusedBeforeCalcomIsAskedAndTheInterviewsOwnTimeIsNoClash() {
        TimeWindow bensSession = new TimeWindow(START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(20)));
        ChangeInterviewBookingService checked = new ChangeInterviewBookingService(world.team, world.interviews, store,
                new ConflictCheck(bookedHere(bensSession), (user, window) -> Uni.createFrom().failure(new AssertionError("nobody is connected")),
                        user -> Uni.createFrom().item(Optional.empty()), world.team, world.team), world.clock);
        send();

        assertThatThrownBy(() -> checked.reschedule(ada, id, START.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(10)), null, false)
                .await().indefinitely()).isInstanceOf(CalendarConflictException.class);
        assertThat(store.changes).as("Cal.com never asked").isEmpty();

        Instant quarterLater = START.plus(Duration.ofMinutes(15));
        checked.reschedule(ada, id, quarterLater, null, false).await().indefinitely();
        assertThat(current().startAt()).as("overlapping only its own time").isEqualTo(quarterLater);
    }

    /** What makes the team busy here: one session of Ben's, and every booked interview but the one left out. */
    private FindBookingsPort bookedHere(TimeWindow bensSession) {
        return new FindBookingsPort() {
            @Override
            public Uni<List<TimeWindow>> heldBookedTimes(Collection<String> userIds, TimeWindow window, RoomId except) {
                return Uni.createFrom().item(List.of());
            }

            @Override
            public Uni<Void> holdAddresses(Collection<String> emails, TimeWindow window) {
                return Uni.createFrom().voidItem();
            }

            @Override
            public Uni<List<TimeWindow>> bookedTimes(Collection<String> userIds, TimeWindow window, RoomId except) {
                return Uni.createFrom().item(List.of());
            }

            @Override
            public Uni<List<TimeWindow>> bookedTimesOfAddresses(Collection<String> emails, TimeWindow window, UUID exceptInterview) {
                List<TimeWindow> busy = new ArrayList<>();
                if (emails.contains("ben@fund.test")) {
                    busy.add(bensSession);
                }
                store.interviews.values().stream().filter(i -> !i.id().equals(exceptInterview))
                        .forEach(i -> i.bookedTime().ifPresent(busy::add));
                return Uni.createFrom().item(busy.stream().filter(t -> t.overlaps(window)).toList());
            }

            @Override
            public Uni<java.util.Map<String, List<TimeWindow>>> bookedTimesByAddress(Collection<String> emails, TimeWindow window) {
                return Uni.createFrom().item(java.util.Map.of());
            }
        };
    }

    private CalcomBookingChange change(CalcomBookingChange.Kind kind, String uid, Instant start, int sequence) {
        return new CalcomBookingChange(kind, id, "bk1@Cal.com", sequence, uid, kind == CalcomBookingChange.Kind.RESCHEDULED ? "bk1" : null,
                "Interview", start, start.plus(Duration.ofMinutes(30)), null, null,
                kind == CalcomBookingChange.Kind.CANCELLED ? "The startup withdrew" : null, false, List.of());
    }
}

package io.schedulr.calcom.application;

import io.schedulr.calcom.application.port.in.ReceiveBookingChangeCommand;
import io.schedulr.calcom.application.port.in.WebhookReceipt;
import io.schedulr.calcom.application.service.BookingWebhookService;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.ChangeKind;
import io.schedulr.calcom.domain.webhook.MeetingState;
import io.schedulr.calcom.domain.webhook.Person;
import io.schedulr.testsupport.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The webhook core with in-memory ports: dedup, meeting order, holding and the reorder window. */
class BookingWebhookServiceTest {
    private static final Instant T0 = Instant.parse("2030-09-02T07:00:00Z");

    private final InMemoryWebhookLedger store = new InMemoryWebhookLedger();
    private final List<BookingChange> announced = new ArrayList<>();
    private final SettableClock clock = new SettableClock(T0);
    private final BookingWebhookService service = new BookingWebhookService(store, store, announced::add, clock, Duration.ofMinutes(1));

    static BookingChange created(String ics, String uid) {
        return change(ChangeKind.CREATED, ics, 0, uid, null, false);
    }

    static BookingChange rescheduled(String ics, int sequence, String uid, String previousUid) {
        return change(ChangeKind.RESCHEDULED, ics, sequence, uid, previousUid, false);
    }

    static BookingChange cancelled(String ics, int sequence, String uid, boolean requestReschedule) {
        return change(ChangeKind.CANCELLED, ics, sequence, uid, null, requestReschedule);
    }

    static BookingChange change(ChangeKind kind, String ics, int sequence, String uid, String previousUid, boolean requestReschedule) {
        Instant start = Instant.parse("2030-09-05T09:00:00Z").plus(Duration.ofDays(sequence));
        return new BookingChange(kind, ics, sequence, uid, previousUid, 1L, 2L, "Interview", kind == ChangeKind.CANCELLED ? "cancelled" : "accepted",
                start, start.plus(Duration.ofMinutes(30)), null, null, new Person("Ada", "ada@host.test", "Europe/Berlin"),
                List.of(new Person("Grace", "grace@candidate.test", "America/New_York")), "integrations:daily", null, Map.of(),
                null, null, requestReschedule, null, T0);
    }

    private WebhookReceipt receive(BookingChange change) {
        return service.receive(new ReceiveBookingChangeCommand(change, ("{\"uid\":\"" + change.uid() + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void changesInOrderAreAnnouncedOneEach() {
        assertThat(receive(created("m1", "u1"))).isEqualTo(WebhookReceipt.PUBLISHED);
        assertThat(receive(rescheduled("m1", 1, "u2", "u1"))).isEqualTo(WebhookReceipt.PUBLISHED);
        assertThat(receive(cancelled("m1", 1, "u2", false))).isEqualTo(WebhookReceipt.PUBLISHED);

        assertThat(announced).extracting(BookingChange::kind).containsExactly(ChangeKind.CREATED, ChangeKind.RESCHEDULED, ChangeKind.CANCELLED);
        assertThat(store.states.get("m1")).isEqualTo(new MeetingState("m1", 1, true, "u2", Instant.parse("2030-09-06T09:30:00Z")));
    }

    @Test
    void aRequestIsAnnouncedOnceWithoutOrderingTheMeetingAndItsConfirmationThenGoesOutAsTheCreation() {
        assertThat(receive(change(ChangeKind.REQUESTED, "m1", 0, "u1", null, false))).isEqualTo(WebhookReceipt.PUBLISHED);
        assertThat(receive(change(ChangeKind.REQUESTED, "m1", 0, "u1", null, false))).isEqualTo(WebhookReceipt.DUPLICATE);
        assertThat(store.states).as("a request takes no place in the meeting's order").doesNotContainKey("m1");

        assertThat(receive(created("m1", "u1"))).isEqualTo(WebhookReceipt.PUBLISHED);
        assertThat(announced).extracting(BookingChange::kind).containsExactly(ChangeKind.REQUESTED, ChangeKind.CREATED);
        assertThat(receive(change(ChangeKind.REQUESTED, "m2", 0, "u9", null, false))).isEqualTo(WebhookReceipt.PUBLISHED);
        assertThat(receive(cancelled("m2", 0, "u9", false))).as("declined: no creation was announced before it").isEqualTo(WebhookReceipt.HELD);

        assertThat(receive(cancelled("m3", 0, "u5", false))).isEqualTo(WebhookReceipt.HELD);
        clock.set(T0.plusSeconds(61));
        service.releaseOverdue("m3");
        assertThat(receive(change(ChangeKind.REQUESTED, "m3", 0, "u5", null, false))).as("a request after the meeting's end is behind it")
                .isEqualTo(WebhookReceipt.STALE);
    }

    @Test
    void theSameChangeTwiceIsADuplicateWithNoSecondEffectButBothAreAudited() {
        receive(created("m1", "u1"));
        assertThat(receive(created("m1", "u1"))).isEqualTo(WebhookReceipt.DUPLICATE);

        assertThat(announced).hasSize(1);
        assertThat(store.audit).containsExactly("BOOKING_CREATED:u1:0=PUBLISHED", "BOOKING_CREATED:u1:0=DUPLICATE");
    }

    /** Cal.com tells the cancellation of the booking at 2 at 3; told at the booking's own (2) it goes out in order all the same. */
    @ParameterizedTest
    @ValueSource(ints = {3, 2})
    void deliveriesInReverseAreHeldAndAnnouncedInMeetingOrder(int cancellationSequence) {
        assertThat(receive(cancelled("m1", cancellationSequence, "u3", false))).isEqualTo(WebhookReceipt.HELD);
        assertThat(receive(rescheduled("m1", 2, "u3", "u2"))).isEqualTo(WebhookReceipt.HELD);
        assertThat(receive(rescheduled("m1", 1, "u2", "u1"))).isEqualTo(WebhookReceipt.HELD);
        assertThat(announced).isEmpty();

        assertThat(receive(created("m1", "u1"))).isEqualTo(WebhookReceipt.PUBLISHED);

        assertThat(announced).extracting(BookingChange::uid).containsExactly("u1", "u2", "u3", "u3");
        assertThat(announced).extracting(BookingChange::kind).containsExactly(ChangeKind.CREATED, ChangeKind.RESCHEDULED,
                ChangeKind.RESCHEDULED, ChangeKind.CANCELLED);
        assertThat(announced).extracting(BookingChange::sequence).containsExactly(0, 1, 2, 2);
        assertThat(store.held).isEmpty();
    }

    @Test
    void aCancellationAtTheBookingsSequencePlusOneAsCalcomTellsItIsPublishedAtOnceWithTheBookingsSequence() {
        receive(created("m1", "u1"));

        assertThat(receive(cancelled("m1", 1, "u1", false))).isEqualTo(WebhookReceipt.PUBLISHED);

        assertThat(announced).extracting(BookingChange::kind, BookingChange::sequence).containsExactly(tuple(ChangeKind.CREATED, 0),
                tuple(ChangeKind.CANCELLED, 0));
        assertThat(store.held).isEmpty();
        assertThat(store.states.get("m1")).extracting(MeetingState::sequence, MeetingState::cancelled).containsExactly(0, true);
    }

    /** A look-up finds a cancellation, then its webhook comes, or the other way round: one cancellation is published. */
    @ParameterizedTest
    @CsvSource({"0, 1", "1, 0"})
    void aBookingIsCancelledOnceWhateverSequenceItsSecondTellingCarries(int first, int second) {
        receive(created("m1", "u1"));
        assertThat(receive(cancelled("m1", first, "u1", false))).isEqualTo(WebhookReceipt.PUBLISHED);

        assertThat(receive(cancelled("m1", second, "u1", false))).isEqualTo(WebhookReceipt.STALE);
        clock.set(T0.plusSeconds(61));
        assertThat(service.releaseOverdue("m1")).isZero();

        assertThat(announced).extracting(BookingChange::kind).containsExactly(ChangeKind.CREATED, ChangeKind.CANCELLED);
        assertThat(store.held).isEmpty();
    }

    @Test
    void aRequestRescheduleCancellationAsCalcomTellsItThenTheNewBookingArePublishedInOrder() {
        receive(created("m1", "u1"));

        assertThat(receive(cancelled("m1", 1, "u1", true))).isEqualTo(WebhookReceipt.PUBLISHED);
        assertThat(receive(rescheduled("m1", 1, "u2", "u1"))).isEqualTo(WebhookReceipt.PUBLISHED);

        assertThat(announced).extracting(BookingChange::kind, BookingChange::sequence, BookingChange::uid).containsExactly(
                tuple(ChangeKind.CREATED, 0, "u1"), tuple(ChangeKind.CANCELLED, 0, "u1"), tuple(ChangeKind.RESCHEDULED, 1, "u2"));
        assertThat(store.keepLooking).as("after the reschedule the meeting is looked up as any other").doesNotContain("m1");
    }

    @Test
    void aRequestRescheduleCancellationArrivingAfterTheNewBookingIsStaleNotTheMeetingCancelled() {
        receive(created("m1", "u1"));
        receive(rescheduled("m1", 1, "u2", "u1"));

        assertThat(receive(cancelled("m1", 1, "u1", true))).isEqualTo(WebhookReceipt.STALE);
        clock.set(T0.plusSeconds(61));
        service.releaseOverdue("m1");

        assertThat(announced).extracting(BookingChange::kind).containsExactly(ChangeKind.CREATED, ChangeKind.RESCHEDULED);
        assertThat(store.states.get("m1")).extracting(MeetingState::uid, MeetingState::cancelled).containsExactly("u2", false);
    }

    @Test
    void aRequestRescheduleCancellationKeepsTheMeetingLookedUpAPlainOneDoesNot() {
        receive(created("m1", "u1"));
        receive(created("m2", "v1"));

        receive(cancelled("m1", 1, "u1", true));
        receive(cancelled("m2", 1, "v1", false));

        assertThat(store.keepLooking).containsExactly("m1");
    }

    @Test
    void aHeldChangeWhosePredecessorNeverComesIsAnnouncedAfterTheWindowAndTheLatePredecessorIsStale() {
        assertThat(receive(rescheduled("m1", 1, "u2", "u1"))).isEqualTo(WebhookReceipt.HELD);
        clock.set(T0.plusSeconds(30));
        assertThat(service.meetingsWithOverdueChanges()).isEmpty();

        clock.set(T0.plusSeconds(61));
        assertThat(service.meetingsWithOverdueChanges()).containsExactly("m1");
        assertThat(service.releaseOverdue("m1")).isEqualTo(1);
        assertThat(announced).extracting(BookingChange::uid).containsExactly("u2");

        assertThat(receive(created("m1", "u1"))).as("a creation after its reschedule must not move the meeting back")
                .isEqualTo(WebhookReceipt.STALE);
        assertThat(announced).hasSize(1);
        assertThat(store.states.get("m1").uid()).isEqualTo("u2");
    }

    @Test
    void aRequestRescheduleCancellationIsAnnouncedAndTheLaterRescheduleFollowsIt() {
        receive(created("m1", "u1"));
        assertThat(receive(cancelled("m1", 0, "u1", true))).isEqualTo(WebhookReceipt.PUBLISHED);
        assertThat(receive(rescheduled("m1", 1, "u2", "u1"))).isEqualTo(WebhookReceipt.PUBLISHED);

        assertThat(announced.get(1).requestReschedule()).isTrue();
        assertThat(announced.get(2).previousUid()).isEqualTo("u1");
    }

    @Test
    void meetingsAreOrderedIndependently() {
        assertThat(receive(rescheduled("m2", 1, "b2", "b1"))).isEqualTo(WebhookReceipt.HELD);
        assertThat(receive(created("m1", "a1"))).isEqualTo(WebhookReceipt.PUBLISHED);

        assertThat(announced).extracting(BookingChange::uid).containsExactly("a1");
    }
}

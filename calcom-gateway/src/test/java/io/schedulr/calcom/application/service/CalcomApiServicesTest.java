package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.InMemoryWebhookLedger;
import io.schedulr.calcom.application.port.in.Actor;
import io.schedulr.calcom.application.port.in.BookingId;
import io.schedulr.calcom.application.port.in.CalcomConnectionUseCase.ConnectionStatus;
import io.schedulr.calcom.application.port.in.CalcomConnectionUseCase.State;
import io.schedulr.calcom.application.port.in.CancelBookingCommand;
import io.schedulr.calcom.application.port.in.CreateBookingCommand;
import io.schedulr.calcom.application.port.in.FindSlotsQuery;
import io.schedulr.calcom.application.port.in.InvalidInputException;
import io.schedulr.calcom.application.port.in.RescheduleBookingCommand;
import io.schedulr.calcom.application.port.out.CalcomException;
import io.schedulr.calcom.domain.booking.Availability;
import io.schedulr.calcom.domain.booking.Booking;
import io.schedulr.calcom.domain.booking.EventType;
import io.schedulr.testsupport.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Cal.com use cases without Quarkus: commands that validate themselves, services over an in-memory port. */
class CalcomApiServicesTest {
    private static final Actor BOOKER = new Actor("sub-123", false);
    private static final Actor SOMEONE_ELSE = new Actor("sub-999", false);
    private static final Actor OPERATOR = new Actor("sub-ops", true);

    private static final Instant NINE = Instant.parse("2030-09-02T07:00:00Z");
    private final InMemoryCalcomApi calcom = new InMemoryCalcomApi();
    private final EventType collective = new EventType(1001, "Interview (30 min)", "interview-30", "", 30, List.of(30, 60), 11L,
            "collective", List.of(new EventType.Host(101, "Ada Host", "ada"), new EventType.Host(102, "Ben Panel", "ben")), "u");

    private CreateBookingCommand booking(String interviewId, Instant start, List<String> guests) {
        return new CreateBookingCommand(interviewId, 1001, start, null,
                new CreateBookingCommand.Attendee("Grace Candidate", "grace@example.com", "America/New_York", null), guests, "sub-123");
    }

    @Test
    void eventTypesAreTheKeyOwnersAndTheConfiguredTeams() {
        EventType own = new EventType(5, "Intro", "intro", null, 20, null, null, null, List.of(), "u");
        calcom.personal.add(own);
        calcom.team.add(collective);

        assertThat(new EventTypesService(calcom, Optional.of(11L), clock(), Duration.ZERO).eventTypes().await().indefinitely()).containsExactly(own, collective);
        assertThat(new EventTypesService(calcom, Optional.empty(), clock(), Duration.ZERO).eventTypes().await().indefinitely()).containsExactly(own);
        assertThat(own.lengthOptions()).as("a type without options offers its own length").containsExactly(20);
    }

    @Test
    void availabilityListsEveryHostOfACollectiveTypeWithEachFreeSlot() {
        calcom.team.add(collective);
        calcom.free.addAll(List.of(NINE, NINE.plusSeconds(1800), NINE.plus(Duration.ofDays(5))));

        Availability a = new EventTypesService(calcom, Optional.of(11L), clock(), Duration.ZERO)
                .availability(new FindSlotsQuery(1001, NINE, NINE.plus(Duration.ofDays(1)), "Europe/Berlin", null)).await().indefinitely();

        assertThat(a.everyHostAttends()).isTrue();
        assertThat(a.slots()).extracting(s -> s.start().toInstant()).containsExactly(NINE, NINE.plusSeconds(1800));
        assertThat(a.slots().get(0).start().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(a.members()).extracting(m -> m.member().name()).containsExactly("Ada Host", "Ben Panel");
        assertThat(a.members()).allSatisfy(m -> assertThat(m.slots()).hasSize(2));
    }

    @Test
    void eventTypesAreAskedOncePerFreshnessWindow() {
        calcom.team.add(collective);
        SettableClock clock = clock();
        EventTypesService service = new EventTypesService(calcom, Optional.of(11L), clock, Duration.ofMinutes(1));

        service.eventTypes().await().indefinitely();
        clock.advance(Duration.ofSeconds(59));
        assertThat(service.eventTypes().await().indefinitely()).containsExactly(collective);
        assertThat(calcom.calls).containsExactly("personal", "team 11");

        clock.advance(Duration.ofSeconds(1));
        service.eventTypes().await().indefinitely();
        assertThat(calcom.calls).containsExactly("personal", "team 11", "personal", "team 11");
    }

    @Test
    void aFailureIsNotKeptAndTheNextAskGoesToCalcom() {
        calcom.team.add(collective);
        EventTypesService service = new EventTypesService(calcom, Optional.of(11L), clock(), Duration.ofMinutes(1));
        calcom.failure = new CalcomException(CalcomException.Kind.UNAVAILABLE, "Cal.com is down.");

        assertThatThrownBy(() -> service.eventTypes().await().indefinitely()).isInstanceOf(CalcomException.class);
        calcom.failure = null;

        assertThat(service.eventTypes().await().indefinitely()).containsExactly(collective);
        assertThat(calcom.calls).containsExactly("personal", "personal", "team 11");
    }

    @Test
    void slotsAreAskedEveryTimeTheirEventTypeOncePerWindowAndAnUnknownTypeEveryTime() {
        calcom.team.add(collective);
        calcom.free.add(NINE);
        EventTypesService service = new EventTypesService(calcom, Optional.of(11L), clock(), Duration.ofMinutes(1));
        FindSlotsQuery query = new FindSlotsQuery(1001, NINE, NINE.plus(Duration.ofDays(1)), "Europe/Berlin", null);
        FindSlotsQuery unknown = new FindSlotsQuery(4040, NINE, NINE.plus(Duration.ofDays(1)), "Europe/Berlin", null);

        service.availability(query).await().indefinitely();
        assertThat(service.availability(query).await().indefinitely().slots()).hasSize(1);
        assertThatThrownBy(() -> service.availability(unknown).await().indefinitely()).isInstanceOf(CalcomException.class);
        assertThatThrownBy(() -> service.availability(unknown).await().indefinitely()).isInstanceOf(CalcomException.class);

        assertThat(calcom.calls).containsExactly("eventType 1001", "slots 1001", "slots 1001", "eventType 4040", "eventType 4040");
    }

    @Test
    void aZeroWindowAsksEveryTime() {
        EventTypesService service = new EventTypesService(calcom, Optional.empty(), clock(), Duration.ZERO);

        service.eventTypes().await().indefinitely();
        service.eventTypes().await().indefinitely();

        assertThat(calcom.calls).containsExactly("personal", "personal");
    }

    private static SettableClock clock() {
        return new SettableClock(NINE);
    }

    @Test
    void aBookingCarriesTheInterviewIdAndWhoBookedItInItsMetadata() {
        calcom.free.add(NINE);
        Booking made = new BookingsService(calcom, new InMemoryWebhookLedger()).book(booking("iv-42", NINE, List.of("observer@partner.test")))
                .await().indefinitely();

        assertThat(made.interviewId()).isEqualTo("iv-42");
        assertThat(calcom.sent).singleElement().satisfies(sent -> {
            assertThat(sent.metadata()).containsEntry(Booking.INTERVIEW_ID, "iv-42").containsEntry(BookingsService.BOOKED_BY, "sub-123");
            assertThat(sent.guests()).containsExactly("observer@partner.test");
            assertThat(sent.attendee().timeZone()).isEqualTo("America/New_York");
        });
    }

    @Test
    void aTakenSlotIsCalcomsRejectionAndRescheduleAndCancelGoThrough() {
        calcom.free.addAll(List.of(NINE, NINE.plusSeconds(3600)));
        BookingsService service = new BookingsService(calcom, new InMemoryWebhookLedger());
        Booking first = service.book(booking("iv-1", NINE, List.of())).await().indefinitely();

        assertThatThrownBy(() -> service.book(booking("iv-2", NINE, List.of())).await().indefinitely())
                .isInstanceOfSatisfying(CalcomException.class, e -> assertThat(e.kind()).isEqualTo(CalcomException.Kind.REJECTED));

        Booking moved = service.reschedule(new RescheduleBookingCommand(first.uid(), NINE.plusSeconds(3600), "clash"), BOOKER).await().indefinitely();
        assertThat(moved.uid()).isNotEqualTo(first.uid());
        assertThat(moved.rescheduledFromUid()).isEqualTo(first.uid());
        assertThat(moved.icsUid()).isEqualTo(first.icsUid());
        assertThat(service.cancel(new CancelBookingCommand(moved.uid(), "no longer needed"), BOOKER).await().indefinitely().status()).isEqualTo("cancelled");
        assertThat(service.booking(new BookingId(moved.uid()), BOOKER).await().indefinitely().cancellationReason()).isEqualTo("no longer needed");
    }

    @Test
    void onlyWhoBookedAndOperatorsMayReadCancelOrRescheduleToOthersTheBookingDoesNotExist() {
        calcom.free.addAll(List.of(NINE, NINE.plusSeconds(3600)));
        BookingsService service = new BookingsService(calcom, new InMemoryWebhookLedger());
        Booking made = service.book(booking("iv-7", NINE, List.of())).await().indefinitely();

        for (Runnable attempt : List.<Runnable>of(
                () -> service.booking(new BookingId(made.uid()), SOMEONE_ELSE).await().indefinitely(),
                () -> service.cancel(new CancelBookingCommand(made.uid(), "mine now"), SOMEONE_ELSE).await().indefinitely(),
                () -> service.reschedule(new RescheduleBookingCommand(made.uid(), NINE.plusSeconds(3600), null), SOMEONE_ELSE)
                        .await().indefinitely())) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(CalcomException.class,
                    e -> assertThat(e.kind()).isEqualTo(CalcomException.Kind.NOT_FOUND));
        }
        assertThat(service.booking(new BookingId(made.uid()), BOOKER).await().indefinitely().status()).isEqualTo("accepted");

        assertThat(service.cancel(new CancelBookingCommand(made.uid(), "ops"), OPERATOR).await().indefinitely().status()).isEqualTo("cancelled");
    }

    @Test
    void commandsNameTheFieldThatIsWrong() {
        assertField(() -> booking(" ", NINE, List.of()), "interviewId");
        assertField(() -> booking("iv", null, List.of()), "start");
        assertField(() -> new CreateBookingCommand.Attendee("G", "not-an-email", "UTC", null), "attendee.email");
        assertField(() -> new CreateBookingCommand.Attendee("G", "g@example.com", "Mars/Olympus", null), "attendee.timeZone");
        assertField(() -> new CreateBookingCommand.Attendee("", "g@example.com", "UTC", null), "attendee.name");
        assertField(() -> booking("iv", NINE, List.of("a@example.com", "A@example.com")), "guests[1]");
        assertField(() -> booking("iv", NINE, List.of("grace@example.com")), "guests[0]");
        assertField(() -> new FindSlotsQuery(1, NINE, NINE, null, null), "end");
        assertField(() -> new FindSlotsQuery(1, NINE, NINE.plus(Duration.ofDays(90)), null, null), "end");
        assertField(() -> new FindSlotsQuery(0, NINE, NINE.plusSeconds(60), null, null), "eventTypeId");
        assertField(() -> new CancelBookingCommand("../../me", null), "uid");
        assertField(() -> new RescheduleBookingCommand("abc", null, null), "start");
        assertThat(calcom.calls).as("nothing reached Cal.com").isEmpty();
    }

    @Test
    void theConnectionCheckSaysWhyCalcomCannotBeUsedAndIsReusedWhileFresh() {
        SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
        CalcomConnectionService service = new CalcomConnectionService(calcom, clock, Duration.ofSeconds(30));

        assertThat(service.status().await().indefinitely().state()).isEqualTo(State.CONNECTED);
        calcom.failure = new CalcomException(CalcomException.Kind.KEY_REJECTED, "rejected", "UnauthorizedException", "corr-1", null);
        assertThat(service.status().await().indefinitely().state()).as("still fresh").isEqualTo(State.CONNECTED);
        clock.advance(Duration.ofSeconds(31));
        ConnectionStatus rejected = service.status().await().indefinitely();
        assertThat(rejected.state()).isEqualTo(State.KEY_REJECTED);
        assertThat(rejected.state().usable()).isFalse();
        assertThat(rejected.reason()).contains("rejected").contains("CALCOM_API_KEY").contains("corr-1");

        calcom.failure = new CalcomException(CalcomException.Kind.NOT_CONFIGURED, "none");
        assertThat(service.check().await().indefinitely().state()).isEqualTo(State.NOT_CONFIGURED);
        calcom.failure = new CalcomException(CalcomException.Kind.UNAVAILABLE, "Cal.com is unreachable");
        assertThat(service.check().await().indefinitely().reason()).contains("unreachable");
        calcom.failure = new CalcomException(CalcomException.Kind.RATE_LIMITED, "429");
        assertThat(service.check().await().indefinitely().state().usable()).as("throttled is not a broken key").isTrue();
    }

    private static void assertField(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith("Field '" + field + "'");
        });
    }

}

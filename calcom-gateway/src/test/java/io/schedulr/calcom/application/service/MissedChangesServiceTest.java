package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.InMemoryWebhookLedger;
import io.schedulr.calcom.application.port.in.CreateBookingCommand;
import io.schedulr.calcom.application.port.in.FindUnknownBookingsUseCase;
import io.schedulr.calcom.application.port.in.ReceiveBookingChangeCommand;
import io.schedulr.calcom.application.port.in.WebhookReceipt;
import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.application.port.out.CalcomException;
import io.schedulr.calcom.domain.booking.Booking;
import io.schedulr.calcom.domain.webhook.BookingChange;
import io.schedulr.calcom.domain.webhook.ChangeKind;
import io.schedulr.calcom.domain.webhook.MeetingState;
import io.schedulr.calcom.domain.webhook.MissedChanges;
import io.schedulr.calcom.domain.webhook.Person;
import io.schedulr.testsupport.SettableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changes made on Cal.com whose webhooks never came, found by looking the meeting up: with the webhook core and Cal.com
 * in memory, a round as the scheduler runs it (claim, look up, take each change as a delivery).
 */
class MissedChangesServiceTest {
    private static final Instant T0 = Instant.parse("2030-09-02T07:00:00Z");
    private static final Instant NINE = Instant.parse("2030-09-05T09:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final InMemoryCalcomApi calcom = new InMemoryCalcomApi();
    private final InMemoryWebhookLedger ledger = new InMemoryWebhookLedger();
    private final List<BookingChange> announced = new ArrayList<>();
    private final BookingWebhookService webhooks = new BookingWebhookService(ledger, ledger, announced::add, clock, Duration.ofMinutes(1));
    private final MissedChangesService finder = new MissedChangesService(ledger, ledger, calcom, clock, Duration.ofMinutes(15),
            Duration.ofMinutes(2), 5, 0.25);
    private final BookingsService bookings = new BookingsService(calcom, ledger);
    private final UnknownBookingsService unknown = new UnknownBookingsService(ledger, ledger, calcom, null, clock, Duration.ofMinutes(5),
            Duration.ofMinutes(2), Duration.ofMinutes(15));
    private final List<ChangeKind> counted = new ArrayList<>();
    private final LookUpRoundService lookUps = new LookUpRoundService(finder, unknown, webhooks, DirectTransactions.INSTANCE,
            (request, change) -> ("{\"foundBy\":\"look-up\",\"request\":\"" + request + "\"}").getBytes(StandardCharsets.UTF_8),
            counted::add, Duration.ofSeconds(5));

    {
        ledger.madeAt = clock::instant;
        calcom.now = clock::instant;
        ledger.listedUntil = T0;
    }

    @Test
    void aCancellationOnCalcomWhoseWebhookNeverCameIsAnnouncedAsItsWebhookWouldHaveBeen() {
        Booking booked = bookedAndAnnounced(NINE);
        calcom.cancelOnCalcom(booked.uid(), "Grace is ill", "grace@candidate.test");

        assertThat(round()).isEqualTo(1);

        BookingChange cancelled = announced.get(1);
        assertThat(cancelled.kind()).isEqualTo(ChangeKind.CANCELLED);
        assertThat(cancelled.uid()).isEqualTo(booked.uid());
        assertThat(cancelled.sequence()).isZero();
        assertThat(cancelled.cancellationReason()).isEqualTo("Grace is ill");
        assertThat(cancelled.cancelledBy()).isEqualTo("grace@candidate.test");
        assertThat(cancelled.requestReschedule()).isFalse();
        assertThat(cancelled.metadata()).containsEntry(Booking.INTERVIEW_ID, "iv-1");
        assertThat(ledger.states.get(booked.icsUid()).cancelled()).isTrue();

        assertThat(webhooks.receive(delivery(toldAt(cancelled, 1))))
                .as("the webhook, arriving late after all at the booking's sequence + 1 as Cal.com sends it, has no second effect")
                .isEqualTo(WebhookReceipt.DUPLICATE);
        assertThat(webhooks.receive(delivery(cancelled))).as("nor one told at the booking's own sequence").isEqualTo(WebhookReceipt.STALE);
        clock.advance(Duration.ofMinutes(2));
        webhooks.releaseOverdue(booked.icsUid());
        assertThat(announced).hasSize(2);
    }

    /**
     * The host asks for a new time on Cal.com and its webhook comes; the attendee's new booking's webhook never does: the
     * meeting is still looked up, and the look-up finds it.
     */
    /** The third change announced is the attendee's new booking, and the meeting is at it, no longer cancelled. */
    private void assertTheNewTimeAnnounced(Booking booked, Booking picked) {
        BookingChange back = announced.get(2);
        assertThat(back.kind()).isEqualTo(ChangeKind.RESCHEDULED);
        assertThat(back.sequence()).isEqualTo(1);
        assertThat(back.uid()).isEqualTo(picked.uid());
        assertThat(back.previousUid()).isEqualTo(booked.uid());
        assertThat(ledger.states.get(booked.icsUid())).extracting(MeetingState::uid, MeetingState::cancelled).containsExactly(picked.uid(), false);
    }

    @Test
    void aNewTimePickedAfterAHostsRequestWhoseWebhookNeverCameIsFound() {
        Booking booked = bookedAndAnnounced(NINE);
        Booking asked = calcom.cancelOnCalcom(booked.uid(), "Could we find another day?", "ada@host.test");
        assertThat(webhooks.receive(delivery(new BookingChange(ChangeKind.CANCELLED, booked.icsUid(), 1, booked.uid(), null, booked.id(),
                booked.eventTypeId(), booked.title(), "cancelled", booked.start(), booked.end(), null, null, null, List.of(), null, null,
                Map.of(), asked.cancellationReason(), "ada@host.test", true, null, clock.instant())))).isEqualTo(WebhookReceipt.PUBLISHED);
        Booking picked = calcom.moveOnCalcom(booked.uid(), NINE.plus(Duration.ofDays(3)), "grace@candidate.test");

        clock.advance(Duration.ofMinutes(16));
        assertThat(round()).isEqualTo(1);

        assertTheNewTimeAnnounced(booked, picked);
    }

    @Test
    void aCancellationALookUpFoundMayHaveBeenARequestForANewTimeSoItsMeetingIsLookedUpUntilTheNewTimeComes() {
        Booking booked = bookedAndAnnounced(NINE);
        calcom.cancelOnCalcom(booked.uid(), "Could we find another day?", "ada@host.test");
        assertThat(round()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(16));
        assertThat(round()).as("still cancelled on Cal.com: nothing announced again").isZero();
        Booking picked = calcom.moveOnCalcom(booked.uid(), NINE.plus(Duration.ofDays(3)), "grace@candidate.test");
        clock.advance(Duration.ofMinutes(16));
        assertThat(round()).isEqualTo(1);

        assertTheNewTimeAnnounced(booked, picked);
    }

    @Test
    void aMeetingCancelledByItsWebhookIsNotLookedUpAgain() {
        Booking booked = bookedAndAnnounced(NINE);
        Booking cancelled = calcom.cancelOnCalcom(booked.uid(), "Withdrawn", "grace@candidate.test");
        webhooks.receive(delivery(new BookingChange(ChangeKind.CANCELLED, booked.icsUid(), 0, booked.uid(), null, booked.id(),
                booked.eventTypeId(), booked.title(), "cancelled", booked.start(), booked.end(), null, null, null, List.of(), null, null,
                Map.of(), cancelled.cancellationReason(), "grace@candidate.test", false, null, clock.instant())));
        int calls = calcom.calls.size();

        assertThat(round()).isZero();

        assertThat(calcom.calls).hasSize(calls);
    }

    @Test
    void movesOnCalcomAreAnnouncedInOrderAsTheReschedulesTheirWebhooksWouldHaveBeen() {
        Booking booked = bookedAndAnnounced(NINE);
        Booking first = calcom.moveOnCalcom(booked.uid(), NINE.plus(Duration.ofDays(1)), "grace@candidate.test");
        Booking second = calcom.moveOnCalcom(first.uid(), NINE.plus(Duration.ofDays(2)), "ada@host.test");

        assertThat(round()).isEqualTo(2);

        assertThat(announced.subList(1, 3)).extracting(BookingChange::kind, BookingChange::sequence, BookingChange::uid, BookingChange::previousUid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.RESCHEDULED, 1, first.uid(), booked.uid()),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.RESCHEDULED, 2, second.uid(), first.uid()));
        BookingChange last = announced.get(2);
        assertThat(last.start()).isEqualTo(NINE.plus(Duration.ofDays(2)));
        assertThat(last.previousStart()).isEqualTo(NINE.plus(Duration.ofDays(1)));
        assertThat(last.rescheduledBy()).isEqualTo("ada@host.test");
        assertThat(ledger.states.get(booked.icsUid())).isEqualTo(new MeetingState(booked.icsUid(), 2, false, second.uid(), second.end()));

        assertThat(webhooks.receive(delivery(announced.get(1)))).as("the first move's webhook, late").isEqualTo(WebhookReceipt.DUPLICATE);
        assertThat(announced).hasSize(3);
    }

    @Test
    void aMoveThenACancellationOnCalcomAreBothAnnounced() {
        Booking booked = bookedAndAnnounced(NINE);
        Booking moved = calcom.moveOnCalcom(booked.uid(), NINE.plus(Duration.ofDays(1)), "grace@candidate.test");
        calcom.cancelOnCalcom(moved.uid(), "Withdrawn", "grace@candidate.test");

        assertThat(round()).isEqualTo(2);

        assertThat(announced.subList(1, 3)).extracting(BookingChange::kind, BookingChange::sequence, BookingChange::uid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.RESCHEDULED, 1, moved.uid()),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.CANCELLED, 1, moved.uid()));
    }

    @Test
    void aMeetingAsAnnouncedIsLookedUpAgainOnlyAfterTheIntervalAndNotOnceItIsOver() {
        Booking booked = bookedAndAnnounced(NINE);

        assertThat(round()).isZero();
        assertThat(bookingCalls()).containsExactly("create", "booking " + booked.uid());

        clock.advance(Duration.ofMinutes(14));
        round();
        assertThat(bookingCalls()).as("looked up 14 minutes ago").hasSize(2);

        clock.advance(Duration.ofMinutes(2));
        round();
        assertThat(bookingCalls()).hasSize(3);

        clock.set(booked.end().plusSeconds(1));
        round();
        assertThat(bookingCalls()).as("over").hasSize(3);
        assertThat(announced).hasSize(1);
    }

    @Test
    void aRoundLooksUpAtMostItsBatchTheLongestWaitingFirst() {
        for (int i = 0; i < 7; i++) {
            bookedAndAnnounced(NINE.plus(Duration.ofHours(i)));
        }
        calcom.calls.clear();

        round();
        assertThat(calcom.calls).hasSize(5);
        clock.advance(Duration.ofMinutes(1));
        round();
        assertThat(calcom.calls).as("the two not looked up yet, then the next five wait their interval").hasSize(7);
        assertThat(calcom.calls.stream().distinct()).hasSize(7);
    }

    @Test
    void aMeetingAnnouncedBeforeEndsWereKeptGetsItsEndFromCalcom() {
        Booking booked = bookedAndAnnounced(NINE);
        MeetingState known = ledger.states.get(booked.icsUid());
        ledger.states.put(known.icalUid(), new MeetingState(known.icalUid(), known.sequence(), false, known.uid(), null));

        round();

        assertThat(ledger.states.get(booked.icsUid()).end()).isEqualTo(booked.end());
    }

    @Test
    void aBookingOfAnotherMeetingEndsTheChain() {
        Booking booked = bookedAndAnnounced(NINE);
        Booking movedAway = calcom.moveOnCalcom(booked.uid(), NINE.plus(Duration.ofDays(1)), null);
        Booking stranger = new Booking(movedAway.uid(), 99, "Other", "accepted", NINE, NINE.plusSeconds(1800), 1, null, "other@Cal.com",
                booked.uid(), null, null, null, null, List.of(), List.of(), List.of(), Map.of(), null);
        Booking cancelledPointingAway = calcom.bookings.get(booked.uid());
        MeetingState state = ledger.states.get(booked.icsUid());

        assertThat(MissedChanges.between(state, List.of(cancelledPointingAway, stranger), T0)).isEmpty();
        assertThat(MissedChanges.between(state, List.of(cancelledPointingAway, movedAway), T0)).hasSize(1);
        assertThatThrownBy(() -> MissedChanges.between(state, List.of(movedAway), T0)).isInstanceOf(IllegalArgumentException.class);
        Booking pointingBack = new Booking(movedAway.uid(), movedAway.id(), movedAway.title(), "cancelled", movedAway.start(), movedAway.end(),
                1, null, movedAway.icsUid(), booked.uid(), booked.uid(), null, null, null, List.of(), List.of(), List.of(), Map.of(), null);
        assertThat(MissedChanges.between(state, List.of(cancelledPointingAway, pointingBack, cancelledPointingAway), T0))
                .as("a loop is followed once").extracting(BookingChange::uid).containsExactly(movedAway.uid());
    }

    @Test
    void aBookingMadeHereWhoseCreationNeverCameIsAnnouncedAfterTheGraceWithWhatFollowedIt() {
        Booking booked = madeHere(NINE);
        calcom.cancelOnCalcom(booked.uid(), "Withdrawn", "grace@candidate.test");

        clock.advance(Duration.ofMinutes(1));
        assertThat(round()).as("its webhook still has time").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(round()).isEqualTo(2);

        assertThat(announced).extracting(BookingChange::kind, BookingChange::sequence, BookingChange::uid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.CREATED, 0, booked.uid()),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.CANCELLED, 0, booked.uid()));
        assertThat(announced.get(0).metadata()).containsEntry(Booking.INTERVIEW_ID, "iv-1");
        assertThat(announced.get(0).start()).isEqualTo(NINE);
        assertThat(ledger.made).as("forgotten once announced").isEmpty();
        BookingChange lateCreation = announced.get(0);
        assertThat(webhooks.receive(delivery(lateCreation))).isEqualTo(WebhookReceipt.DUPLICATE);
    }

    @Test
    void aBookingMadeHereThatWaitsForItsHostIsRequestedOnceAndCreatedOnlyWhenTheyConfirmIt() {
        Booking booked = madeHere(NINE);
        calcom.hostDecidesOnCalcom(booked.uid(), "pending", null);
        clock.advance(Duration.ofMinutes(3));

        assertThat(round()).as("not confirmed yet: its request, as BOOKING_REQUESTED tells it").isEqualTo(1);
        assertThat(announced).extracting(BookingChange::kind).containsExactly(ChangeKind.REQUESTED);
        assertThat(announced.get(0).status()).isEqualTo("pending");
        assertThat(announced.get(0).dedupKey()).isEqualTo("BOOKING_REQUESTED:" + booked.uid() + ":0");
        assertThat(ledger.made).as("looked up again later").containsKey(booked.icsUid());
        int audited = ledger.audit.size();
        clock.advance(Duration.ofMinutes(16));
        assertThat(round()).as("still waiting: the request is not taken again").isZero();
        assertThat(ledger.audit).hasSize(audited);

        calcom.hostDecidesOnCalcom(booked.uid(), "accepted", null);
        clock.advance(Duration.ofMinutes(16));
        assertThat(round()).isEqualTo(1);
        assertThat(announced).extracting(BookingChange::kind).containsExactly(ChangeKind.REQUESTED, ChangeKind.CREATED);
        assertThat(ledger.made).isEmpty();
    }

    @Test
    void aBookingMadeHereThatItsHostDeclinedIsTheMeetingCancelledWithTheirReason() {
        Booking booked = madeHere(NINE);
        calcom.hostDecidesOnCalcom(booked.uid(), "rejected", "The panel is full that week");
        clock.advance(Duration.ofMinutes(3));

        assertThat(round()).as("held: no creation was ever announced before it").isZero();
        assertThat(ledger.made).as("settled: not looked up again").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(new ReleaseRoundService(webhooks, DirectTransactions.INSTANCE).releaseDue()).isEqualTo(1);

        BookingChange declined = announced.get(0);
        assertThat(announced).hasSize(1);
        assertThat(declined.kind()).as("never confirmed, so no creation is announced").isEqualTo(ChangeKind.CANCELLED);
        assertThat(declined.status()).isEqualTo("rejected");
        assertThat(declined.cancellationReason()).isEqualTo("The panel is full that week");
        assertThat(declined.metadata()).containsEntry(Booking.INTERVIEW_ID, "iv-1");
        assertThat(declined.dedupKey()).as("as its BOOKING_REJECTED webhook is read").isEqualTo("BOOKING_CANCELLED:" + booked.uid() + ":0");
    }

    @Test
    void aBookingMadeHereWhoseCreationCameIsForgottenWithoutAskingCalcom() {
        Booking booked = madeHere(NINE);
        BookingChange created = new BookingChange(ChangeKind.CREATED, booked.icsUid(), 0, booked.uid(), null, booked.id(), booked.eventTypeId(),
                booked.title(), "accepted", booked.start(), booked.end(), null, null, null, List.of(), null, null, Map.of(), null, null, false,
                null, clock.instant());
        webhooks.receive(delivery(created));
        clock.advance(Duration.ofMinutes(3));
        int calls = calcom.calls.size();

        assertThat(finder.claimMadeDue()).isEmpty();

        assertThat(ledger.made).isEmpty();
        assertThat(calcom.calls).hasSize(calls);
    }

    @Test
    void aBookingMadeOnCalcomDirectlyWhoseCreationNeverCameIsFoundInCalcomsListAndAnnounced() {
        clock.advance(Duration.ofMinutes(1));
        Booking direct = calcom.bookOnCalcom(NINE, "grace");
        clock.advance(Duration.ofMinutes(1));
        assertThat(round()).as("its webhook still has time").isZero();
        assertThat(ledger.made).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        assertThat(round()).isEqualTo(1);

        BookingChange created = announced.get(0);
        assertThat(created.kind()).isEqualTo(ChangeKind.CREATED);
        assertThat(created.icalUid()).isEqualTo(direct.icsUid());
        assertThat(created.uid()).isEqualTo(direct.uid());
        assertThat(created.sequence()).isZero();
        assertThat(created.attendees()).extracting(Person::email).containsExactly("grace@startup.test");
        assertThat(ledger.made).as("forgotten once announced").isEmpty();
        assertThat(webhooks.receive(delivery(created))).as("the webhook, arriving late after all, has no second effect")
                .isEqualTo(WebhookReceipt.DUPLICATE);

        clock.advance(Duration.ofMinutes(6));
        assertThat(round()).as("the list is read on from where it stopped").isZero();
        assertThat(calcom.calls.stream().filter(c -> c.startsWith("list")).toList()).containsExactly(
                "list " + T0 + ".." + T0.plus(Duration.ofMinutes(6)) + " skip 0",
                "list " + T0.plus(Duration.ofMinutes(6)) + ".." + T0.plus(Duration.ofMinutes(12)) + " skip 0");
    }

    @Test
    void aBookingMadeOnCalcomDirectlyThatWaitsForItsHostIsRememberedRequestedAndCreatedOnceTheyConfirmIt() {
        clock.advance(Duration.ofMinutes(1));
        Booking direct = calcom.bookOnCalcom(NINE, "grace");
        calcom.hostDecidesOnCalcom(direct.uid(), "pending", null);
        clock.advance(Duration.ofMinutes(7));

        assertThat(round()).as("not confirmed yet: its request").isEqualTo(1);
        assertThat(ledger.made).as("remembered, looked up until the host decides").containsKey(direct.icsUid());

        calcom.hostDecidesOnCalcom(direct.uid(), "accepted", null);
        clock.advance(Duration.ofMinutes(16));
        assertThat(round()).isEqualTo(1);
        assertThat(announced).extracting(BookingChange::kind, BookingChange::uid).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChangeKind.REQUESTED, direct.uid()), org.assertj.core.groups.Tuple.tuple(ChangeKind.CREATED, direct.uid()));
    }

    @Test
    void theListIsReadOnlyEveryFewMinutesAndAfterAFailureFromWhereItStood() {
        clock.advance(Duration.ofMinutes(10));
        assertThat(unknown.claimListing()).contains(T0);
        clock.advance(Duration.ofMinutes(4));
        assertThat(unknown.claimListing()).as("read four minutes ago").isEmpty();

        clock.advance(Duration.ofMinutes(2));
        calcom.failure = new CalcomException(CalcomException.Kind.UNAVAILABLE, "down");
        Instant from = unknown.claimListing().orElseThrow();
        assertThatThrownBy(() -> unknown.list(from).await().indefinitely()).isInstanceOf(CalcomException.class);
        calcom.failure = null;
        clock.advance(Duration.ofMinutes(6));
        assertThat(unknown.claimListing()).as("nothing was read: the next reading starts where this one did").contains(T0);
    }

    @Test
    void onlyListedBookingsNobodyHereKnowsThatStillMatterAreRemembered() {
        clock.advance(Duration.ofMinutes(1));
        Booking known = bookedAndAnnounced(NINE);
        Booking madeHere = madeHere(NINE.plus(Duration.ofHours(1)));
        Booking cancelled = calcom.bookOnCalcom(NINE.plus(Duration.ofHours(2)), "withdrawn");
        calcom.cancelOnCalcom(cancelled.uid(), "Withdrawn", "withdrawn@startup.test");
        Booking over = calcom.bookOnCalcom(T0.minus(Duration.ofHours(2)), "late");
        Booking moved = calcom.bookOnCalcom(T0.minus(Duration.ofHours(3)), "moved");
        Booking movedTo = calcom.moveOnCalcom(moved.uid(), NINE.plus(Duration.ofDays(1)), "moved@startup.test");
        clock.advance(Duration.ofMinutes(3));

        FindUnknownBookingsUseCase.Listed listed = unknown.list(ledger.listedUntil).await().indefinitely();
        assertThat(listed.bookings()).extracting(b -> b.booking().uid())
                .contains(known.uid(), madeHere.uid(), cancelled.uid(), over.uid(), moved.uid(), movedTo.uid());

        assertThat(listOnce()).extracting(b -> b.booking().uid())
                .as("a moved booking is followed from its first, even when that time is over").containsExactly(moved.uid());
        assertThat(ledger.listedUntil).isEqualTo(clock.instant().minus(Duration.ofMinutes(2)));

        assertThat(round()).as("the booking made here, whose creation never came either, and the moved one").isEqualTo(3);
        assertThat(announced.subList(2, 4)).extracting(BookingChange::kind, BookingChange::uid)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ChangeKind.CREATED, moved.uid()),
                        org.assertj.core.groups.Tuple.tuple(ChangeKind.RESCHEDULED, movedTo.uid()));
    }

    @Test
    void aLongListIsReadAFewPagesAtATimeAndTheNextReadingGoesOnWhereThisOneStopped() {
        List<Booking> made = new ArrayList<>();
        for (int i = 0; i < UnknownBookingsService.PAGES * UnknownBookingsService.PAGE + 20; i++) {
            clock.advance(Duration.ofSeconds(1));
            made.add(calcom.bookOnCalcom(NINE, "founder" + i));
        }
        clock.advance(Duration.ofMinutes(3));

        List<CalcomApi.CreatedBooking> first = listOnce();
        assertThat(first).hasSize(UnknownBookingsService.PAGES * UnknownBookingsService.PAGE);
        assertThat(ledger.listedUntil).as("just before the last one read, so one made in the same instant is not passed by")
                .isEqualTo(calcom.createdAt.get(made.get(299).uid()).minusMillis(1));

        clock.advance(Duration.ofMinutes(6));
        List<CalcomApi.CreatedBooking> rest = listOnce();
        assertThat(rest).extracting(b -> b.booking().uid()).as("the last one read before is known now")
                .containsExactlyElementsOf(made.subList(300, 320).stream().map(Booking::uid).toList());
        assertThat(ledger.made).hasSize(320);
    }

    @Test
    void aReadingCutShortAmongBookingsAllMadeInOneMillisecondStillMovesTheListOn() {
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < UnknownBookingsService.PAGES * UnknownBookingsService.PAGE + 1; i++) {
            calcom.bookOnCalcom(NINE, "same" + i);
        }
        Instant madeAt = clock.instant();
        clock.advance(Duration.ofMinutes(3));

        assertThat(listOnce()).hasSize(UnknownBookingsService.PAGES * UnknownBookingsService.PAGE);
        assertThat(ledger.listedUntil).isEqualTo(madeAt.minusMillis(1));
        clock.advance(Duration.ofMinutes(6));
        listOnce();
        assertThat(ledger.listedUntil).as("not read again from the same place for good").isAfter(madeAt.minusMillis(1));
    }

    @Test
    void aListedBookingThatCouldNotBeKeptIsReadAgainAndOneThatNeverCanIsLeftOutAfterItsSecondChance() {
        clock.advance(Duration.ofMinutes(1));
        Booking first = calcom.bookOnCalcom(NINE, "first");
        clock.advance(Duration.ofMinutes(1));
        Booking refused = calcom.bookOnCalcom(NINE.plus(Duration.ofHours(1)), "refused");
        Instant refusedMade = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        Booking after = calcom.bookOnCalcom(NINE.plus(Duration.ofHours(2)), "after");
        clock.advance(Duration.ofMinutes(5));
        ledger.refuseRemembering.add(refused.uid());

        assertThat(listOnce()).extracting(c -> c.booking().uid()).containsExactly(first.uid());
        assertThat(ledger.listedUntil).as("read again from just before the booking not kept").isEqualTo(refusedMade.minusMillis(1));
        assertThat(ledger.made).doesNotContainKey(after.icsUid());

        clock.advance(Duration.ofMinutes(6));
        assertThat(listOnce()).as("refused again: left out after its second chance, the list goes on")
                .extracting(c -> c.booking().uid()).containsExactly(after.uid());
        assertThat(ledger.listedUntil).isAfter(refusedMade);

        Booking later = calcom.bookOnCalcom(NINE.plus(Duration.ofHours(3)), "later");
        Instant laterMade = clock.instant();
        ledger.refuseRemembering.add(later.uid());
        clock.advance(Duration.ofMinutes(6));
        assertThat(listOnce()).isEmpty();
        assertThat(ledger.listedUntil).isEqualTo(laterMade.minusMillis(1));
        ledger.refuseRemembering.remove(later.uid());
        clock.advance(Duration.ofMinutes(6));
        assertThat(listOnce()).as("taken once the database takes it").extracting(c -> c.booking().uid()).containsExactly(later.uid());
    }

    @Test
    void lookUpsLeaveTheLastQuarterOfCalcomsRateLimitWindowToPeople() {
        Booking booked = bookedAndAnnounced(NINE);
        calcom.cancelOnCalcom(booked.uid(), "Grace is ill", "grace@candidate.test");

        calcom.shareLeft = 0.25;
        assertThat(finder.mayAskCalcom()).isFalse();
        assertThat(round()).isZero();
        assertThat(bookingCalls()).as("Cal.com not asked").containsExactly("create");
        assertThat(ledger.states.get(booked.icsUid()).cancelled()).isFalse();

        calcom.shareLeft = 0.3;
        assertThat(finder.mayAskCalcom()).isTrue();
        assertThat(round()).isEqualTo(1);
        assertThat(ledger.states.get(booked.icsUid()).cancelled()).isTrue();
    }

    @Test
    void aMeetingCalcomDoesNotKnowIsLookedUpUntilItsEndAndOneWhoseEndWasNeverKeptNoMore() {
        MeetingState legacy = new MeetingState("gone@Cal.com", 0, false, "gone", null);
        MeetingState ahead = new MeetingState("gone-too@Cal.com", 0, false, "gone-too", NINE);
        ledger.states.put(legacy.icalUid(), legacy);
        ledger.states.put(ahead.icalUid(), ahead);

        assertThat(round()).isZero();
        assertThat(bookingCalls()).as("both asked for, Cal.com knows neither").containsExactlyInAnyOrder("booking gone", "booking gone-too");
        clock.advance(Duration.ofMinutes(16));

        assertThat(finder.claimDue()).extracting(MeetingState::icalUid).containsExactly(ahead.icalUid());
    }

    @Test
    void aMeetingCalcomCannotAnswerForFailsAloneAndIsLookedUpAgainLater() {
        List<Booking> both = twoCancelledOnCalcomOnly();
        Booking failing = both.get(0);
        Booking other = both.get(1);
        calcom.failureOf.put("booking " + failing.uid(), new CalcomException(CalcomException.Kind.UNAVAILABLE, "502 from Cal.com"));

        assertThat(round()).as("the other meeting's cancellation").isEqualTo(1);
        assertThat(ledger.states.get(other.icsUid()).cancelled()).isTrue();
        assertThat(ledger.states.get(failing.icsUid()).cancelled()).isFalse();

        calcom.failureOf.clear();
        clock.advance(Duration.ofMinutes(16));
        assertThat(round()).isEqualTo(1);
        assertThat(ledger.states.get(failing.icsUid()).cancelled()).isTrue();
        assertThat(counted).containsExactly(ChangeKind.CANCELLED, ChangeKind.CANCELLED);
    }

    @Test
    void atCalcomsRateLimitTheRoundStopsAskingAndTheMeetingsItClaimedAreDueAgainAtTheNextRound() {
        List<Booking> both = twoCancelledOnCalcomOnly();
        Booking first = both.get(0);
        Booking second = both.get(1);
        CalcomException limited = new CalcomException(CalcomException.Kind.RATE_LIMITED, "429 from Cal.com");
        calcom.failureOf.put("booking " + first.uid(), limited);
        calcom.failureOf.put("booking " + second.uid(), limited);
        calcom.calls.clear();

        assertThat(round()).isZero();
        assertThat(calcom.calls).as("asked once, then the round stopped: no second look-up, no listing").hasSize(1);

        calcom.failureOf.clear();
        clock.advance(Duration.ofMinutes(1));
        assertThat(round()).as("given back by the stopped round: both asked a minute later, not after the interval").isEqualTo(2);
        assertThat(ledger.states.get(first.icsUid()).cancelled()).isTrue();
        assertThat(ledger.states.get(second.icsUid()).cancelled()).isTrue();
    }

    @Test
    void aRoundThatLeavesTheRestOfTheWindowToPeopleGivesBackWhatItDidNotAsk() {
        List<Booking> both = twoCancelledOnCalcomOnly();
        Booking first = both.get(0);
        Booking second = both.get(1);
        // Room for one question: the share falls below the quarter left to people once it is asked.
        calcom.shareLeft = 0.3;
        calcom.afterEachCall = () -> calcom.shareLeft = 0.2;

        assertThat(round()).isEqualTo(1);
        calcom.afterEachCall = () -> { };
        calcom.shareLeft = 1;
        clock.advance(Duration.ofMinutes(1));
        assertThat(round()).as("the other one, a minute later").isEqualTo(1);
        assertThat(ledger.states.get(first.icsUid()).cancelled()).isTrue();
        assertThat(ledger.states.get(second.icsUid()).cancelled()).isTrue();
    }

    /** Two meetings, an hour apart, announced here and then cancelled on Cal.com without a webhook. */
    private List<Booking> twoCancelledOnCalcomOnly() {
        Booking first = bookedAndAnnounced(NINE);
        Booking second = bookedAndAnnounced(NINE.plus(Duration.ofHours(1)));
        calcom.cancelOnCalcom(first.uid(), "Grace is ill", "grace@candidate.test");
        calcom.cancelOnCalcom(second.uid(), "Withdrawn", "grace@candidate.test");
        return List.of(first, second);
    }

    /** One reading of Cal.com's list, as a round does it: what it remembered. */
    private List<CalcomApi.CreatedBooking> listOnce() {
        return lookUps.readListOfBookings().remembered();
    }

    /** Cal.com's calls other than readings of its list. */
    private List<String> bookingCalls() {
        return calcom.calls.stream().filter(c -> !c.startsWith("list")).toList();
    }

    private Booking madeHere(Instant start) {
        calcom.free.add(start);
        return bookings.book(new CreateBookingCommand("iv-1", 1, start, 30,
                new CreateBookingCommand.Attendee("Grace", "grace@candidate.test", "America/New_York", "en"), List.of(), "sub-7"))
                .await().indefinitely();
    }

    /** A booking made through the API and its BOOKING_CREATED webhook taken, as in the app's send. */
    private Booking bookedAndAnnounced(Instant start) {
        calcom.free.add(start);
        Booking booked = calcom.createBooking(new CalcomApi.NewBooking(1, start, 30, new Booking.Person("Grace", "grace@candidate.test",
                "America/New_York"), "en", List.of(), Map.of(Booking.INTERVIEW_ID, "iv-1"))).await().indefinitely();
        BookingChange created = new BookingChange(ChangeKind.CREATED, booked.icsUid(), 0, booked.uid(), null, booked.id(), booked.eventTypeId(),
                booked.title(), "accepted", booked.start(), booked.end(), null, null, new Person("Ada", "ada@host.test", "Europe/Berlin"),
                List.of(new Person("Grace", "grace@candidate.test", "America/New_York")), booked.meetingUrl(), booked.meetingUrl(),
                booked.metadata(), null, null, false, null, clock.instant());
        assertThat(webhooks.receive(delivery(created))).isEqualTo(WebhookReceipt.PUBLISHED);
        return booked;
    }

    /** A round, as the scheduler runs it. */
    private int round() {
        return lookUps.lookUpDue();
    }

    private static BookingChange toldAt(BookingChange c, int sequence) {
        return new BookingChange(c.kind(), c.icalUid(), sequence, c.uid(), c.previousUid(), c.bookingId(), c.eventTypeId(), c.title(), c.status(),
                c.start(), c.end(), c.previousStart(), c.previousEnd(), c.organizer(), c.attendees(), c.location(), c.meetingUrl(), c.metadata(),
                c.cancellationReason(), c.cancelledBy(), c.requestReschedule(), c.rescheduledBy(), c.emittedAt());
    }

    private static ReceiveBookingChangeCommand delivery(BookingChange change) {
        return new ReceiveBookingChangeCommand(change, ("{\"uid\":\"" + change.uid() + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}

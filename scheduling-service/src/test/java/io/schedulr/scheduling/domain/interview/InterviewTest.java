package io.schedulr.scheduling.domain.interview;

import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.UnprocessableActionException;
import io.schedulr.scheduling.domain.interview.CalcomBookingChange.Kind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterviewTest {
    private static final Instant NOW = Instant.parse("2030-01-01T08:00:00Z");
    private static final Instant START = Instant.parse("2030-01-10T09:00:00Z");
    private static final UUID STARTUP = UUID.randomUUID();
    private static final Interview.MemberRef ADA = new Interview.MemberRef(UUID.randomUUID(), "Ada", true, "ada@team.test");
    private static final Interview.MemberRef BEN = new Interview.MemberRef(UUID.randomUUID(), "Ben", true, "ben@team.test");

    static Interview ready() {
        return Interview.draft(UUID.randomUUID(), "u1", null, NOW)
                .chooseStartup(STARTUP, new Interview.ContactRef(UUID.randomUUID(), STARTUP, "carla@startup.test"), NOW)
                .chooseTeam(ADA, List.of(BEN), NOW)
                .chooseBooking(1001, 30, false, START, NOW)
                .chooseGuests(List.of(Guest.of("Olive", "olive@partner.test", null, null, null)), java.util.Map.of(), NOW)
                .chooseDetails("notes", List.of("Why now?"), "Europe/Berlin", NOW);
    }

    static Interview sent() {
        Interview claimed = ready().startSending("ada", NOW);
        return claimed.scheduled("bk1", "bk1@Cal.com", START, START.plus(Duration.ofMinutes(30)), "https://app.cal.com/video/bk1", "cal-video", false, NOW);
    }

    static CalcomBookingChange change(Kind kind, int seq, String uid, String previous, Instant start, boolean requestReschedule) {
        return new CalcomBookingChange(kind, null, "bk1@Cal.com", seq, uid, previous, "t", start, start.plus(Duration.ofMinutes(30)),
                "https://app.cal.com/video/" + uid, "cal-video", "why", requestReschedule, List.of());
    }

    @Test
    void aDraftKnowsWhichStepsAreMissingAndRefusesToBeSentUntilComplete() {
        Interview draft = Interview.draft(UUID.randomUUID(), "u1", STARTUP, NOW);
        assertThat(draft.missing().get(InterviewStep.STARTUP)).containsExactly("contact");
        assertThat(draft.readyToSend()).isFalse();
        assertThatThrownBy(() -> draft.startSending("ada", NOW)).isInstanceOf(UnprocessableActionException.class)
                .hasMessageContaining("team: primaryMemberId");
        assertThat(ready().readyToSend()).isTrue();
        assertThat(ready().missing().get(InterviewStep.SEND)).containsExactly("send");
    }

    @Test
    void eachStepHoldsItsRules() {
        Interview draft = Interview.draft(UUID.randomUUID(), "u1", null, NOW);
        assertThatThrownBy(() -> draft.chooseStartup(STARTUP, new Interview.ContactRef(UUID.randomUUID(), UUID.randomUUID(), "x@startup.test"), NOW))
                .hasFieldOrPropertyWithValue("code", "invalid_contactId");
        assertThatThrownBy(() -> draft.chooseTeam(ADA, List.of(ADA), NOW)).hasFieldOrPropertyWithValue("code", "invalid_additionalMemberIds");
        assertThatThrownBy(() -> draft.chooseTeam(new Interview.MemberRef(UUID.randomUUID(), "Gone", false, "gone@team.test"), List.of(), NOW))
                .hasFieldOrPropertyWithValue("code", "inactive_team_member");
        assertThatThrownBy(() -> draft.chooseBooking(1001, 30, false, NOW.minusSeconds(1), NOW)).hasFieldOrPropertyWithValue("code", "invalid_start");
        assertThatThrownBy(() -> draft.chooseBooking(1001, 4, true, START, NOW)).hasFieldOrPropertyWithValue("code", "invalid_customDurationMinutes");
        assertThatThrownBy(() -> draft.chooseGuests(List.of(Guest.of("A", "a@x.test", null, null, null), Guest.of("B", "A@X.test", null, null, null)), java.util.Map.of(), NOW))
                .hasFieldOrPropertyWithValue("code", "duplicate_guest");
        assertThatThrownBy(() -> draft.chooseGuests(List.of(Guest.of("Gracie", "Grace@Acme.test", null, null, null)),
                java.util.Map.of("grace@acme.test", "Grace, the startup's contact"), NOW))
                .hasFieldOrPropertyWithValue("code", "duplicate_guest").hasMessageContaining("the startup's contact");
        Interview withOlive = ready();
        assertThatThrownBy(() -> withOlive.chooseStartup(STARTUP, new Interview.ContactRef(UUID.randomUUID(), STARTUP, "Olive@Partner.test"), NOW))
                .hasFieldOrPropertyWithValue("code", "duplicate_guest").hasMessageContaining("the startup's contact");
        assertThatThrownBy(() -> withOlive.chooseTeam(ADA, List.of(new Interview.MemberRef(UUID.randomUUID(), "Olive", true, "olive@partner.test")), NOW))
                .hasFieldOrPropertyWithValue("code", "duplicate_guest").hasMessageContaining("on the team");
        assertThatThrownBy(() -> Guest.of("A", "not mail", null, null, null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> draft.chooseDetails(null, List.of(), "Nowhere/Land", NOW)).hasFieldOrPropertyWithValue("code", "invalid_timeZone");
        assertThat(draft.chooseBooking(1002, 45, true, START, NOW).endAt()).isEqualTo(START.plus(Duration.ofMinutes(45)));
        Interview fraction = draft.chooseBooking(1002, 45, true, START.plusMillis(123), NOW);
        assertThat(fraction.startAt()).as("whole seconds, as calendars keep them").isEqualTo(START);
        assertThat(fraction.endAt()).isEqualTo(START.plus(Duration.ofMinutes(45)));
    }

    @Test
    void sendingIsClaimedOnceAndASentInterviewNoLongerTakesSteps() {
        Interview claimed = ready().startSending("ada", NOW);
        assertThatThrownBy(() -> claimed.startSending("ada", NOW.plusSeconds(5))).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "interview_being_sent");
        assertThat(claimed.startSending("ada", NOW.plus(Interview.SEND_LEASE))).isNotSameAs(claimed);
        assertThat(claimed.sendFailed(NOW).sendingSince()).isNull();
        Interview sent = sent();
        assertThat(sent.status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(sent.guests()).allMatch(g -> g.invitation() == Guest.Invitation.SENT && NOW.equals(g.sentAt()));
        assertThat(sent.startSending("ada", NOW)).isSameAs(sent);
        assertThatThrownBy(() -> sent.chooseDetails(null, List.of(), "UTC", NOW)).hasFieldOrPropertyWithValue("code", "interview_not_draft");
    }

    @Test
    void calcomChangesApplyInOrderAndStaleOrRepeatedOnesChangeNothing() {
        Interview sent = sent();
        Interview.Applied confirmed = sent.apply(change(Kind.CREATED, 0, "bk1", null, START, false), NOW);
        assertThat(confirmed.change()).isEqualTo(InterviewChange.CONFIRMED);
        assertThat(confirmed.interview().sequence()).isEqualTo(1);
        assertThat(confirmed.interview().apply(change(Kind.CREATED, 0, "bk1", null, START, false), NOW).change()).isEqualTo(InterviewChange.NONE);

        Instant moved = START.plus(Duration.ofDays(1));
        Interview.Applied rescheduled = confirmed.interview().apply(change(Kind.RESCHEDULED, 1, "bk2", "bk1", moved, false), NOW);
        assertThat(rescheduled.change()).isEqualTo(InterviewChange.RESCHEDULED);
        assertThat(rescheduled.interview().startAt()).isEqualTo(moved);
        assertThat(rescheduled.interview().apply(change(Kind.RESCHEDULED, 1, "bk2", "bk1", moved, false), NOW).change()).isEqualTo(InterviewChange.NONE);
        // the old booking's cancellation (part of Cal.com's reschedule) is not the interview's
        assertThat(rescheduled.interview().apply(change(Kind.CANCELLED, 1, "bk1", null, START, false), NOW).change()).isEqualTo(InterviewChange.NONE);

        Interview.Applied asked = rescheduled.interview().apply(change(Kind.CANCELLED, 1, "bk2", null, moved, true), NOW);
        assertThat(asked.change()).isEqualTo(InterviewChange.RESCHEDULE_REQUESTED);
        assertThat(asked.interview().awaitingNewTime()).isTrue();
        assertThat(asked.interview().status()).isEqualTo(InterviewStatus.CONFIRMED);

        Interview.Applied gone = asked.interview().apply(change(Kind.CANCELLED, 1, "bk2", null, moved, false), NOW);
        assertThat(gone.interview().status()).isEqualTo(InterviewStatus.CANCELLED);
        assertThat(gone.interview().status().invitationState()).isEqualTo(InterviewStatus.InvitationState.CANCELLED);
        assertThat(gone.interview().apply(change(Kind.RESCHEDULED, 5, "bk9", "bk1", moved, false), NOW).change())
                .as("a reschedule of another booking than the cancelled one").isEqualTo(InterviewChange.NONE);
    }

    @Test
    void aCancellationOfABookingAMoveOnCalcomMadeCancelsTheInterviewThoughTheMovesWebhookNeverCame() {
        Interview confirmed = sent().apply(change(Kind.CREATED, 0, "bk1", null, START, false), NOW).interview();
        Instant moved = START.plus(Duration.ofDays(1));

        Interview.Applied gone = confirmed.apply(change(Kind.CANCELLED, 1, "bk2", null, moved, false), NOW);

        assertThat(gone.change()).isEqualTo(InterviewChange.CANCELLED);
        assertThat(gone.interview().status()).isEqualTo(InterviewStatus.CANCELLED);
        assertThat(gone.interview().calcomBookingUid()).isEqualTo("bk2");
        assertThat(gone.interview().startAt()).as("the cancelled booking's time").isEqualTo(moved);
        assertThat(gone.interview().apply(change(Kind.RESCHEDULED, 1, "bk2", "bk1", moved, false), NOW).change())
                .as("the move's webhook, late").isEqualTo(InterviewChange.NONE);
        assertThat(confirmed.apply(change(Kind.CANCELLED, 1, "bk2", null, moved, true), NOW).interview().awaitingNewTime())
                .as("or the host asked for another time").isTrue();
    }

    @Test
    void aCancelledInterviewWhoseBookingCalcomBooksANewTimeForIsBackAtThatTime() {
        // A host's request for another time that reached us as a plain cancellation (found by calcom-gateway's look-up:
        // Cal.com's API does not tell the two apart); the attendee then picks a new time on Cal.com.
        Interview confirmed = sent().apply(change(Kind.CREATED, 0, "bk1", null, START, false), NOW).interview();
        Interview cancelled = confirmed.apply(change(Kind.CANCELLED, 0, "bk1", null, START, false), NOW).interview();
        assertThat(cancelled.status()).isEqualTo(InterviewStatus.CANCELLED);

        Instant picked = START.plus(Duration.ofDays(2));
        Interview.Applied back = cancelled.apply(change(Kind.RESCHEDULED, 1, "bk2", "bk1", picked, false), NOW);

        assertThat(back.change()).isEqualTo(InterviewChange.RESCHEDULED);
        assertThat(back.interview().status()).isEqualTo(InterviewStatus.CONFIRMED);
        assertThat(back.interview().startAt()).isEqualTo(picked);
        assertThat(back.interview().calcomBookingUid()).isEqualTo("bk2");
        assertThat(back.interview().cancellationReason()).isNull();
        assertThat(back.interview().sequence()).isEqualTo(cancelled.sequence() + 1);
        assertThat(back.interview().apply(change(Kind.RESCHEDULED, 1, "bk2", "bk1", picked, false), NOW).change()).isEqualTo(InterviewChange.NONE);
    }

    @Test
    void aRescheduleBeforeItsCreationLeavesTheCreationStale() {
        Instant moved = START.plus(Duration.ofDays(2));
        Interview.Applied first = sent().apply(change(Kind.RESCHEDULED, 1, "bk2", "bk1", moved, false), NOW);
        assertThat(first.interview().status()).isEqualTo(InterviewStatus.CONFIRMED);
        assertThat(first.interview().apply(change(Kind.CREATED, 0, "bk1", null, START, false), NOW).change()).isEqualTo(InterviewChange.NONE);
    }

    @Test
    void aDraftAdoptsTheBookingItsLostSendMade() {
        Interview claimed = ready().startSending("ada", NOW);
        Interview.Applied adopted = claimed.apply(change(Kind.CREATED, 0, "bk7", null, START, false), NOW);
        assertThat(adopted.change()).isEqualTo(InterviewChange.CONFIRMED);
        assertThat(adopted.interview().calcomBookingUid()).isEqualTo("bk7");
        assertThat(adopted.interview().sendingSince()).isNull();
        assertThat(adopted.interview().guests()).allMatch(g -> g.invitation() == Guest.Invitation.SENT);
        assertThat(adopted.interview().startSending("ada", NOW)).isSameAs(adopted.interview());
    }

    @Test
    void aBookingMadeOnCalcomIsRecordedWithItsAttendeesAsGuests() {
        CalcomBookingChange c = new CalcomBookingChange(Kind.CREATED, null, "x@Cal.com", 0, "x", null, "Chat", START, START.plusSeconds(1800),
                null, null, null, false, List.of(new CalcomBookingChange.Person("Host", "host@schedulr.test", "America/Chicago"),
                new CalcomBookingChange.Person("Walk In", "walk@in.test", "UTC"), new CalcomBookingChange.Person(null, "WALK@in.test", null)));
        Interview recorded = Interview.fromCalcom(UUID.randomUUID(), c, null, NOW);
        assertThat(recorded.origin()).isEqualTo(InterviewOrigin.CALCOM);
        assertThat(recorded.status()).isEqualTo(InterviewStatus.CONFIRMED);
        assertThat(recorded.guests()).extracting(Guest::email).containsExactly("walk@in.test");
        assertThat(recorded.calcomHost().email()).isEqualTo("host@schedulr.test");
        assertThat(recorded.durationMinutes()).isEqualTo(30);
        assertThat(recorded.timeZone()).as("the host's, as Cal.com states it").isEqualTo("America/Chicago");
        CalcomBookingChange noZone = new CalcomBookingChange(Kind.CREATED, null, "y@Cal.com", 0, "y", null, "Chat", START,
                START.plusSeconds(1800), null, null, null, false, List.of(new CalcomBookingChange.Person("Host", "host@schedulr.test", "+02:00")));
        assertThat(Interview.fromCalcom(UUID.randomUUID(), noZone, null, NOW).timeZone()).isEqualTo("UTC");
    }

    private static Actor actor(String id, boolean admin) {
        return new Actor(new io.schedulr.scheduling.domain.UserProfile(id, id + "@team.test", id, "UTC"), admin);
    }

    @Test
    void onlyItsSenderAndAdminsCancelOrMoveABookedInterviewAndNeverADraftOrACancelledOne() {
        Interview sent = sent();
        assertThat(sent.changeableBy(actor("ada", false), NOW)).isTrue();
        assertThat(sent.changeableBy(actor("root", true), NOW)).isTrue();
        assertThat(sent.changeableBy(actor("u1", false), NOW)).as("who started it, but did not send it").isFalse();
        assertThatThrownBy(() -> sent.requireCancellable(actor("u1", false), NOW))
                .hasFieldOrPropertyWithValue("code", "not_interview_sender");
        assertThatThrownBy(() -> ready().requireCancellable(actor("root", true), NOW)).hasFieldOrPropertyWithValue("code", "interview_not_sent");
        Interview cancelled = sent.cancelledHere("Withdrawn", NOW).interview();
        assertThat(cancelled.changeableBy(actor("ada", false), NOW)).isFalse();
        assertThatThrownBy(() -> cancelled.requireReschedulable(actor("ada", false), START.plusSeconds(3600), NOW))
                .hasFieldOrPropertyWithValue("code", "interview_cancelled");
        Interview direct = Interview.fromCalcom(UUID.randomUUID(), change(Kind.CREATED, 0, "x", null, START, false), ADA.id(), NOW);
        assertThatThrownBy(() -> direct.requireCancellable(actor("ada", false), NOW)).hasMessageContaining("booked on Cal.com directly");
        direct.requireCancellable(actor("root", true), NOW);
    }

    @Test
    void aSentInterviewsGuestsChangeByStep4sRulesAndOnlyNewAddressesTellEveryoneAgain() {
        Interview sent = sent();
        Actor ada = actor("ada", false);
        Instant later = NOW.plusSeconds(600);
        Guest olive = Guest.of("Olive", "olive@partner.test", null, null, null);
        Guest gus = Guest.of("Gus", "gus@guest.test", "Advisor", null, null);

        Interview.Applied added = sent.changeGuests(ada, List.of(olive, gus), java.util.Map.of(), later);
        assertThat(added.change()).isEqualTo(InterviewChange.ATTENDEES_CHANGED);
        assertThat(added.interview().sequence()).isEqualTo(sent.sequence() + 1);
        assertThat(added.interview().guests()).extracting(g -> g.email() + " " + g.invitation() + " " + g.sentAt())
                .containsExactly("olive@partner.test SENT " + NOW, "gus@guest.test SENT " + later);

        assertThat(added.interview().changeGuests(ada, List.of(gus, olive), java.util.Map.of(), later.plusSeconds(60)).change())
                .as("the same guests in another order").isEqualTo(InterviewChange.NONE);
        Interview.Applied renamed = added.interview().changeGuests(ada, List.of(olive, Guest.of("Gus Guest", "GUS@guest.test", null, null, null)),
                java.util.Map.of(), later.plusSeconds(60));
        assertThat(renamed.change()).as("a new name alone tells nobody").isEqualTo(InterviewChange.NONE);
        assertThat(renamed.interview().guests().get(1).name()).isEqualTo("Gus Guest");
        assertThat(renamed.interview().sequence()).isEqualTo(added.interview().sequence());

        Interview.Applied taken = renamed.interview().changeGuests(actor("root", true), List.of(), java.util.Map.of(), later);
        assertThat(taken.change()).as("an admin takes everyone off").isEqualTo(InterviewChange.ATTENDEES_CHANGED);
        assertThat(taken.interview().guests()).isEmpty();

        assertThatThrownBy(() -> sent.changeGuests(ada, List.of(Guest.of("Carla", "CARLA@startup.test", null, null, null)),
                java.util.Map.of("carla@startup.test", "Carla, the startup's contact"), later)).hasFieldOrPropertyWithValue("code", "duplicate_guest");
        assertThatThrownBy(() -> sent.changeGuests(ada, List.of(gus, gus), java.util.Map.of(), later))
                .hasFieldOrPropertyWithValue("code", "duplicate_guest");
        assertThatThrownBy(() -> sent.changeGuests(actor("u1", false), List.of(), java.util.Map.of(), later))
                .as("who started it, but did not send it").hasFieldOrPropertyWithValue("code", "not_interview_sender");
    }

    @Test
    void guestsChangeOnlyWhileTheBookingHolds() {
        Actor ada = actor("ada", false);
        List<Guest> none = List.of();
        assertThatThrownBy(() -> ready().changeGuests(ada, none, java.util.Map.of(), NOW)).hasFieldOrPropertyWithValue("code", "interview_not_sent")
                .hasMessageContaining("step 4");
        assertThatThrownBy(() -> sent().cancelledHere("Withdrawn", NOW).interview().changeGuests(ada, none, java.util.Map.of(), NOW))
                .hasFieldOrPropertyWithValue("code", "interview_cancelled");
        assertThatThrownBy(() -> sent().changeGuests(ada, none, java.util.Map.of(), START.plusSeconds(1800)))
                .hasFieldOrPropertyWithValue("code", "interview_over").hasMessageContaining("can no longer be changed");
        Interview askedForAnother = sent().apply(change(Kind.CANCELLED, 1, "bk1", null, START, true), NOW).interview();
        assertThatThrownBy(() -> askedForAnother.changeGuests(ada, none, java.util.Map.of(), NOW))
                .hasFieldOrPropertyWithValue("code", "interview_awaiting_new_time");
        Interview direct = Interview.fromCalcom(UUID.randomUUID(), change(Kind.CREATED, 0, "x", null, START, false), ADA.id(), NOW);
        assertThatThrownBy(() -> direct.changeGuests(actor("root", true), none, java.util.Map.of(), NOW))
                .hasFieldOrPropertyWithValue("code", "interview_booked_on_calcom");
    }

    @Test
    void aMoveKeepsTheLengthNeedsAStartAheadAndAnotherTimeUnlessANewOneWasAskedFor() {
        Interview sent = sent();
        Actor ada = actor("ada", false);
        assertThat(sent.requireReschedulable(ada, START.plusSeconds(86_400), NOW).end()).isEqualTo(START.plusSeconds(86_400 + 1800));
        assertThatThrownBy(() -> sent.requireReschedulable(ada, NOW, NOW)).hasFieldOrPropertyWithValue("code", "invalid_start");
        assertThatThrownBy(() -> sent.requireReschedulable(ada, START, NOW)).hasFieldOrPropertyWithValue("code", "invalid_start");
        Interview askedForAnother = sent.apply(change(Kind.CANCELLED, 1, "bk1", null, START, true), NOW).interview();
        assertThat(askedForAnother.requireReschedulable(ada, START, NOW).start()).as("the old time is void: it may be chosen again")
                .isEqualTo(START);
        Interview.Applied moved = askedForAnother.rescheduledHere("bk2", null, START, START.plusSeconds(1800), null, null, false, NOW);
        assertThat(moved.change()).isEqualTo(InterviewChange.RESCHEDULED);
        assertThat(moved.interview().awaitingNewTime()).isFalse();
        assertThat(moved.interview().calcomIcalUid()).isEqualTo("bk1@Cal.com");
        assertThat(moved.interview().rescheduledHere("bk2", null, START, START.plusSeconds(1800), null, null, false, NOW).change())
                .as("the same answer twice").isEqualTo(InterviewChange.NONE);
    }

    @Test
    void anInterviewThatIsOverIsNeitherMovedNorCancelledUnlessItsHostAskedForAnotherTime() {
        Interview sent = sent();
        Actor ada = actor("ada", false);
        Instant during = START.plusSeconds(600);
        Instant ended = START.plusSeconds(1800);
        sent.requireCancellable(ada, during);
        assertThat(sent.changeableBy(ada, during)).as("under way, not over").isTrue();

        assertThat(sent.isOver(ended)).isTrue();
        assertThat(sent.changeableBy(ada, ended)).isFalse();
        assertThat(sent.changeableBy(actor("root", true), ended)).isFalse();
        assertThatThrownBy(() -> sent.requireCancellable(ada, ended)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("code", "interview_over").hasMessageContaining("can no longer be cancelled");
        assertThatThrownBy(() -> sent.requireReschedulable(ada, ended.plusSeconds(86_400), ended))
                .hasFieldOrPropertyWithValue("code", "interview_over").hasMessageContaining("can no longer be moved");
        assertThatThrownBy(() -> sent.requireCancellable(actor("u1", false), ended)).as("who may not change it hears that first")
                .hasFieldOrPropertyWithValue("code", "not_interview_sender");

        assertThat(ready().isOver(ended)).as("a draft whose chosen time passed is not over: it was never booked").isFalse();
        assertThat(sent.cancelledHere("Withdrawn", NOW).interview().isOver(ended)).as("cancelled, not over").isFalse();

        Interview askedForAnother = sent.apply(change(Kind.CANCELLED, 1, "bk1", null, START, true), NOW).interview();
        assertThat(askedForAnother.isOver(ended)).isFalse();
        assertThat(askedForAnother.changeableBy(ada, ended)).isTrue();
        assertThat(askedForAnother.requireReschedulable(ada, ended.plusSeconds(86_400), ended).start()).isEqualTo(ended.plusSeconds(86_400));
    }

    @Test
    void aBookingCalcomAnsweredPendingAwaitsItsHostUntilCalcomConfirmsOrDeclinesIt() {
        Interview pending = ready().startSending("ada", NOW)
                .scheduled("bk1", "bk1@Cal.com", START, START.plus(Duration.ofMinutes(30)), null, null, true, NOW);
        assertThat(pending.status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(pending.awaitsHostConfirmation()).isTrue();
        assertThat(sent().awaitsHostConfirmation()).as("answered accepted").isFalse();

        Interview.Applied confirmed = pending.apply(change(Kind.CREATED, 0, "bk1", null, START, false), NOW);
        assertThat(confirmed.interview().status()).isEqualTo(InterviewStatus.CONFIRMED);
        assertThat(confirmed.interview().awaitsHostConfirmation()).isFalse();
        assertThat(confirmed.change()).isEqualTo(InterviewChange.CONFIRMED);

        Interview declined = pending.apply(change(Kind.CANCELLED, 0, "bk1", null, START, false), NOW).interview();
        assertThat(declined.status()).isEqualTo(InterviewStatus.CANCELLED);
        assertThat(declined.awaitsHostConfirmation()).isFalse();
        assertThat(pending.apply(change(Kind.CANCELLED, 1, "bk1", null, START, true), NOW).interview().awaitsHostConfirmation())
                .as("the host asked for another time: that time waits for nobody's confirmation").isFalse();

        // A confirmed interview moved from here, and Cal.com answered the new booking pending: its creation confirms it.
        Interview movedPending = confirmed.interview()
                .rescheduledHere("bk2", null, START.plusSeconds(86_400), START.plusSeconds(86_400 + 1800), null, null, true, NOW).interview();
        assertThat(movedPending.status()).isEqualTo(InterviewStatus.CONFIRMED);
        assertThat(movedPending.awaitsHostConfirmation()).isTrue();
        Interview.Applied hostConfirmed = movedPending.apply(change(Kind.CREATED, 1, "bk2", null, START.plusSeconds(86_400), false), NOW);
        assertThat(hostConfirmed.interview().awaitsHostConfirmation()).isFalse();
        assertThat(hostConfirmed.change()).as("the tentative invitation of the move is now firm").isEqualTo(InterviewChange.CONFIRMED);
        assertThat(hostConfirmed.interview().sequence()).isEqualTo(movedPending.sequence() + 1);
        assertThat(hostConfirmed.interview().apply(change(Kind.CREATED, 1, "bk2", null, START.plusSeconds(86_400), false), NOW).interview())
                .as("the same creation again changes nothing").isSameAs(hostConfirmed.interview());
        Interview.Applied firmByReschedule = movedPending.apply(change(Kind.RESCHEDULED, 1, "bk2", "bk1", START.plusSeconds(86_400), false), NOW);
        assertThat(firmByReschedule.change()).as("Cal.com announces the move it answered pending: firm now, everyone told")
                .isEqualTo(InterviewChange.CONFIRMED);
        assertThat(firmByReschedule.interview().awaitsHostConfirmation()).isFalse();
        assertThat(confirmed.interview().rescheduledHere("bk2", null, START.plusSeconds(86_400), START.plusSeconds(86_400 + 1800), null, null,
                false, NOW).interview().apply(change(Kind.RESCHEDULED, 1, "bk2", "bk1", START.plusSeconds(86_400), false), NOW).change())
                .as("a move answered accepted and announced already: nobody is told twice").isEqualTo(InterviewChange.NONE);
    }

    @Test
    void aRequestedBookingIsAdoptedOnlyByADraftAndOneMadeOnCalcomIsRecordedAsWaitingForItsHost() {
        Interview claimed = ready().startSending("ada", NOW);
        Interview.Applied adopted = claimed.apply(change(Kind.REQUESTED, 0, "bk1", null, START, false), NOW);
        assertThat(adopted.change()).isEqualTo(InterviewChange.SCHEDULED);
        assertThat(adopted.interview().status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(adopted.interview().awaitsHostConfirmation()).isTrue();
        assertThat(adopted.interview().calcomBookingUid()).isEqualTo("bk1");
        assertThat(adopted.interview().sendingSince()).isNull();
        assertThat(adopted.interview().guests()).allSatisfy(g -> assertThat(g.invitation()).isEqualTo(Guest.Invitation.SENT));
        assertThat(adopted.interview().apply(change(Kind.REQUESTED, 0, "bk1", null, START, false), NOW).change())
                .as("the same request again").isEqualTo(InterviewChange.NONE);
        assertThat(sent().apply(change(Kind.REQUESTED, 0, "bk1", null, START, false), NOW).interview().awaitsHostConfirmation())
                .as("a sent interview knows from Cal.com's answer").isFalse();

        Interview direct = Interview.fromCalcom(UUID.randomUUID(), change(Kind.REQUESTED, 0, "x", null, START, false), ADA.id(), NOW);
        assertThat(direct.status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(direct.awaitsHostConfirmation()).isTrue();
        assertThat(direct.apply(change(Kind.CREATED, 0, "x", null, START, false), NOW).interview().status()).isEqualTo(InterviewStatus.CONFIRMED);
    }

    @Test
    void theMeetingZoneIsARegionsNameNotAnOffset() {
        Interview draft = Interview.draft(UUID.randomUUID(), "u1", null, NOW);
        assertThat(draft.chooseDetails(null, List.of(), " America/Chicago ", NOW).timeZone()).isEqualTo("America/Chicago");
        for (String offset : List.of("+02:00", "GMT+2", "UTC+01:00", "europe/berlin")) {
            assertThatThrownBy(() -> draft.chooseDetails(null, List.of(), offset, NOW)).as(offset)
                    .hasFieldOrPropertyWithValue("code", "invalid_timeZone");
        }
    }
}

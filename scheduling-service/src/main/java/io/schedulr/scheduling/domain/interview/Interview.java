package io.schedulr.scheduling.domain.interview;

import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.ForbiddenActionException;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UnprocessableActionException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An interview of a startup by our team: a draft filled step by step, then sent (a Cal.com booking), then moved by what
 * Cal.com announces. Every rule of the flow and of the lifecycle is here; the methods return the changed interview and
 * refuse what is not allowed.
 *
 * @param createdBy          user id of who started it (for a booking made on Cal.com directly: null)
 * @param eventTypeId        the Cal.com event type booked
 * @param customDuration     true when the duration was chosen rather than the type's own
 * @param durationMinutes    the meeting's length
 * @param guestsSaved        the guests step was saved (an interview may have no guests)
 * @param detailsSaved       the details step was saved
 * @param calcomBookingUid   the Cal.com booking the interview is now (after a reschedule: the newest)
 * @param calcomIcalUid      Cal.com's iCalendar UID of the meeting, the same across reschedules
 * @param calcomSequence     the last Cal.com change applied (its iCalSequence); null before the first
 * @param sequence           iCalendar SEQUENCE of our invitations; rises with every change people are told about
 * @param awaitingNewTime    the host asked on Cal.com for another time; the old one is void
 * @param awaitingHost       its Cal.com booking is {@code pending} (as Cal.com answered or announced it): its event type needs a
 *                           host to confirm it
 * @param sendingSince       a send in progress (its Cal.com call) since then; null otherwise
 * @param sentBy             user id of who sent it: the Cal.com booking is theirs, so only they (and admins) change it there
 * @param calcomHost         for a booking made on Cal.com directly: its host as Cal.com names them
 * @param version            optimistic version of the stored row
 */
public record Interview(UUID id, InterviewStatus status, InterviewOrigin origin, String createdBy, UUID startupId, UUID contactId,
                        UUID primaryMemberId, List<UUID> additionalMemberIds, Long eventTypeId, boolean customDuration,
                        Integer durationMinutes, Instant startAt, Instant endAt, String timeZone, String prepNotes,
                        List<String> customQuestions, boolean guestsSaved, boolean detailsSaved, List<Guest> guests, String title,
                        String calcomBookingUid, String calcomIcalUid, Integer calcomSequence, String meetingUrl, String meetingProvider,
                        int sequence, boolean awaitingNewTime, boolean awaitingHost, String cancellationReason, Instant sendingSince, Instant sentAt,
                        String sentBy, CalcomBookingChange.Person calcomHost, Instant createdAt, Instant updatedAt, long version) {
    public static final int MAX_ADDITIONAL_MEMBERS = 10;
    public static final int MAX_GUESTS = 30;
    public static final int MAX_QUESTIONS = 20;
    public static final int MAX_QUESTION_LENGTH = 500;
    public static final int MAX_NOTES_LENGTH = 20_000;
    public static final int MIN_DURATION = 5;
    public static final int MAX_DURATION = 8 * 60;
    /** A reason given for cancelling or moving. */
    public static final int MAX_REASON_LENGTH = 500;
    /** Read once: the JDK copies its zone names into a new set on every call. */
    private static final Set<String> IANA_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());
    /** How long a send may hold the interview before another send may try again (its Cal.com call died with it). */
    public static final Duration SEND_LEASE = Duration.ofMinutes(2);

    public Interview {
        additionalMemberIds = List.copyOf(additionalMemberIds == null ? List.of() : additionalMemberIds);
        customQuestions = List.copyOf(customQuestions == null ? List.of() : customQuestions);
        guests = List.copyOf(guests == null ? List.of() : guests);
    }

    /** A new draft; {@code startupId} when the flow starts from a startup's page. */
    public static Interview draft(UUID id, String createdBy, UUID startupId, Instant now) {
        return new Interview(id, InterviewStatus.DRAFT, InterviewOrigin.FLOW, createdBy, startupId, null, null, List.of(), null, false,
                null, null, null, null, null, List.of(), false, false, List.of(), null, null, null, null, null, null, 0, false, false,
                null, null, null, null, null, now, now, 0);
    }

    /** The iCalendar UID of our invitations: stable for the interview's life. */
    public String icsUid() {
        return "interview-" + id + "@schedulr";
    }

    // ---- the flow -------------------------------------------------------------------------------------------------

    /** Step 1: the startup and who at the startup is interviewed. */
    public Interview chooseStartup(UUID startup, ContactRef contact, Instant now) {
        requireDraft();
        if (!contact.startupId().equals(startup)) {
            throw new InvalidRequestException("invalid_contactId", "That contact is not at the chosen startup.");
        }
        requireNotAGuest(contact.email(), "choosing them as the startup's contact");
        return edit(now).startupId(startup).contactId(contact.id()).build();
    }

    /** Step 2: one primary interviewer and up to {@value #MAX_ADDITIONAL_MEMBERS} more, all active, none twice. */
    public Interview chooseTeam(MemberRef primary, List<MemberRef> additional, Instant now) {
        requireDraft();
        if (!primary.active()) {
            throw new InvalidRequestException("inactive_team_member", primary.name() + " is no longer an active team member.");
        }
        if (additional.size() > MAX_ADDITIONAL_MEMBERS) {
            throw new InvalidRequestException("invalid_additionalMemberIds", "At most " + MAX_ADDITIONAL_MEMBERS + " additional members.");
        }
        List<UUID> ids = new ArrayList<>();
        for (MemberRef member : additional) {
            if (member.id().equals(primary.id()) || ids.contains(member.id())) {
                throw new InvalidRequestException("invalid_additionalMemberIds",
                        member.name() + " is listed twice (the primary interviewer need not be listed again).");
            }
            if (!member.active()) {
                throw new InvalidRequestException("inactive_team_member", member.name() + " is no longer an active team member.");
            }
            ids.add(member.id());
        }
        requireNotAGuest(primary.email(), "putting them on the team");
        additional.forEach(member -> requireNotAGuest(member.email(), "putting them on the team"));
        return edit(now).primaryMemberId(primary.id()).additionalMemberIds(ids).build();
    }

    /** Step 3: a Cal.com event type with its own or a chosen duration, and a start that is still ahead. */
    public Interview chooseBooking(long eventType, int minutes, boolean custom, Instant start, Instant now) {
        requireDraft();
        if (minutes < MIN_DURATION || minutes > MAX_DURATION) {
            throw new InvalidRequestException("invalid_customDurationMinutes",
                    "A duration is " + MIN_DURATION + " to " + MAX_DURATION + " minutes.");
        }
        // Whole seconds, as rooms and slots keep them (TimeWindow): calendars keep no fractions.
        TimeWindow window = TimeWindow.starting(start, Duration.ofMinutes(minutes));
        if (!window.startsAfter(now)) {
            throw new InvalidRequestException("invalid_start", "The start must be in the future.");
        }
        return edit(now).eventTypeId(eventType).customDuration(custom).durationMinutes(minutes).startAt(window.start())
                .endAt(window.end()).build();
    }

    /**
     * Step 4: the external guests (possibly none), each address once, none of them someone invited otherwise.
     *
     * @param invitedOtherwise the addresses already invited as the startup's contact or a team member ({@link EmailAddress#key}),
     *                         each with who they are (e.g. "the startup's contact")
     */
    public Interview chooseGuests(List<Guest> chosen, Map<String, String> invitedOtherwise, Instant now) {
        requireDraft();
        requireAllowedGuests(chosen, invitedOtherwise);
        return edit(now).guests(chosen).guestsSaved(true).build();
    }

    /**
     * The guests of a sent interview changed by who sent it (or an admin): one added, one taken off, a typed-in address
     * corrected — the same rules as step 4. When the addresses change, everyone is told again at a higher SEQUENCE (a new
     * guest gets the invitation, an address no longer named is told it no longer stands); a new name, role or company alone
     * is kept and tells nobody, and the same guests again change nothing. Guests who stay keep when they were invited. Only
     * while the booking holds: not for a draft, a cancelled or finished interview, one whose host asked for another time
     * (choose the time first), or one booked on Cal.com directly (Cal.com invited its people, not us).
     */
    public Applied changeGuests(Actor actor, List<Guest> chosen, Map<String, String> invitedOtherwise, Instant now) {
        if (status == InterviewStatus.DRAFT) {
            throw new ConflictException("interview_not_sent", "This interview is a draft: choose its guests in step 4.");
        }
        if (origin == InterviewOrigin.CALCOM) {
            throw new ConflictException("interview_booked_on_calcom", "This interview was booked on Cal.com directly, which invites its "
                    + "people; change its guests on Cal.com.");
        }
        requireBooked(actor, "change the guests of", "changed", now);
        if (awaitingNewTime) {
            throw new ConflictException("interview_awaiting_new_time", "The host asked on Cal.com for another time; move the interview "
                    + "to a new time first, then change its guests.");
        }
        requireAllowedGuests(chosen, invitedOtherwise);
        List<Guest> next = chosen.stream().map(g -> guests.stream().filter(g::sameAddress).findFirst()
                .map(g::invitedAs).orElseGet(() -> g.sent(now))).toList();
        if (Set.copyOf(next).equals(Set.copyOf(guests))) {
            return new Applied(this, InterviewChange.NONE);
        }
        Set<String> before = guests.stream().map(g -> EmailAddress.key(g.email())).collect(Collectors.toSet());
        Set<String> after = next.stream().map(g -> EmailAddress.key(g.email())).collect(Collectors.toSet());
        if (before.equals(after)) {
            return new Applied(edit(now).guests(next).build(), InterviewChange.NONE);
        }
        return new Applied(edit(now).guests(next).sequence(sequence + 1).build(), InterviewChange.ATTENDEES_CHANGED);
    }

    private static void requireAllowedGuests(List<Guest> chosen, Map<String, String> invitedOtherwise) {
        if (chosen.size() > MAX_GUESTS) {
            throw new InvalidRequestException("invalid_guests", "At most " + MAX_GUESTS + " guests.");
        }
        for (Guest guest : chosen) {
            String who = invitedOtherwise.get(EmailAddress.key(guest.email()));
            if (who != null) {
                throw new InvalidRequestException("duplicate_guest",
                        "'" + guest.email() + "' is invited already, as " + who + "; list them once.");
            }
        }
        for (int i = 0; i < chosen.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (chosen.get(i).sameAddress(chosen.get(j))) {
                    throw Guest.duplicate(chosen.get(i).email());
                }
            }
        }
    }

    /** Step 4's rule seen from steps 1 and 2, taken again after the guests: nobody is invited twice over. */
    private void requireNotAGuest(String email, String doing) {
        if (email != null && guests.stream().anyMatch(g -> EmailAddress.same(g.email(), email))) {
            throw new InvalidRequestException("duplicate_guest",
                    "'" + email + "' is one of this interview's guests; take them off the guests (step 4) before " + doing + ".");
        }
    }

    /** Step 5: preparation notes (already made safe by the caller), custom questions in order, the meeting's zone. */
    public Interview chooseDetails(String safeNotes, List<String> questions, String zone, Instant now) {
        requireDraft();
        if (safeNotes != null && (safeNotes.length() > MAX_NOTES_LENGTH || PlainText.hasControlBesidesLineBreaks(safeNotes))) {
            throw new InvalidRequestException("invalid_prepNotes", "Preparation notes are at most " + MAX_NOTES_LENGTH
                    + " characters, without control characters other than line breaks and tabs.");
        }
        if (questions.size() > MAX_QUESTIONS) {
            throw new InvalidRequestException("invalid_customQuestions", "At most " + MAX_QUESTIONS + " questions.");
        }
        List<String> clean = new ArrayList<>();
        for (String q : questions) {
            clean.add(PlainText.require(q, "customQuestions", MAX_QUESTION_LENGTH));
        }
        return edit(now).prepNotes(safeNotes == null || safeNotes.isBlank() ? null : safeNotes).customQuestions(clean)
                .timeZone(zone(zone)).detailsSaved(true).build();
    }

    /** Which steps are complete, and for the others what is missing, in step order. */
    public Map<InterviewStep, List<String>> missing() {
        Map<InterviewStep, List<String>> missing = new LinkedHashMap<>();
        missing.put(InterviewStep.STARTUP, need(startupId == null, "startupId", contactId == null, "contact"));
        missing.put(InterviewStep.TEAM, need(primaryMemberId == null, "primaryMemberId", false, null));
        missing.put(InterviewStep.BOOKING_TYPE, need(eventTypeId == null || durationMinutes == null, "eventTypeId or customDurationMinutes",
                startAt == null, "start"));
        missing.put(InterviewStep.GUESTS, need(!guestsSaved, "guests", false, null));
        missing.put(InterviewStep.DETAILS, need(!detailsSaved, "timeZone", false, null));
        missing.put(InterviewStep.SEND, need(status == InterviewStatus.DRAFT, "send", false, null));
        return missing;
    }

    public boolean readyToSend() {
        return missing().entrySet().stream().allMatch(e -> e.getKey() == InterviewStep.SEND || e.getValue().isEmpty());
    }

    /**
     * Step 6 begins: claims the interview for one send. An interview already sent is answered as it is (sending again is
     * idempotent); an incomplete one, or one another send holds, is refused. {@code by} books it on Cal.com with their
     * own sign-in, so the booking is theirs.
     */
    public Interview startSending(String by, Instant now) {
        if (status != InterviewStatus.DRAFT) {
            return this;
        }
        if (!readyToSend()) {
            List<String> gaps = new ArrayList<>();
            missing().forEach((step, what) -> {
                if (step != InterviewStep.SEND && !what.isEmpty()) {
                    gaps.add(step.name().toLowerCase(java.util.Locale.ROOT) + ": " + String.join(", ", what));
                }
            });
            throw new UnprocessableActionException("interview_incomplete", "The interview cannot be sent yet; missing " + String.join("; ", gaps) + ".");
        }
        if (!startAt.isAfter(now)) {
            throw new UnprocessableActionException("interview_start_passed", "The chosen start has passed; choose another time first.");
        }
        if (sendingSince != null && now.isBefore(sendingSince.plus(SEND_LEASE))) {
            throw new ConflictException("interview_being_sent", "This interview is being sent right now; look again in a moment.");
        }
        return edit(now).sendingSince(now).sentBy(by).build();
    }

    /**
     * The Cal.com booking exists: scheduled, and every guest's invitation goes out now. {@code awaitsHost}: Cal.com answered
     * it {@code pending} (its event type needs a host to confirm it); its webhook confirms or declines it later.
     */
    public Interview scheduled(String bookingUid, String icalUid, Instant start, Instant end, String url, String provider, boolean awaitsHost,
                               Instant now) {
        if (status != InterviewStatus.DRAFT) {
            return this;
        }
        return edit(now).status(InterviewStatus.SCHEDULED).calcomBookingUid(bookingUid).calcomIcalUid(icalUid).startAt(start).endAt(end)
                .meetingUrl(url).meetingProvider(provider).awaitingHost(awaitsHost).sendingSince(null).sentAt(now).guests(sentGuests(now))
                .sequence(0).build();
    }

    /**
     * Whether its booked time waits for a host to confirm it on Cal.com (Cal.com answered the booking {@code pending}). Once
     * Cal.com confirms it, declines it (a cancellation) or the host asks for another time, it no longer does.
     */
    public boolean awaitsHostConfirmation() {
        return awaitingHost && bookedTime().isPresent();
    }

    /** The send failed with a definite answer: another may try. */
    public Interview sendFailed(Instant now) {
        return status != InterviewStatus.DRAFT ? this : edit(now).sendingSince(null).build();
    }

    public boolean isDraft() {
        return status == InterviewStatus.DRAFT;
    }

    /** Who may see it: the one who started it, its team, and admins (decided by the caller). */
    public boolean involves(String userId, UUID memberId) {
        return (userId != null && userId.equals(createdBy))
                || (memberId != null && (memberId.equals(primaryMemberId) || additionalMemberIds.contains(memberId)));
    }

    /** Who may fill in and send the draft: who started it and its primary interviewer. */
    public boolean editableBy(String userId, UUID memberId) {
        return (userId != null && userId.equals(createdBy)) || (memberId != null && memberId.equals(primaryMemberId));
    }

    // ---- cancelling and moving from here (through Cal.com) ---------------------------------------------------------

    /**
     * Refuses to ask Cal.com to cancel what cannot be cancelled, or for someone whose booking it is not: the Cal.com
     * booking belongs to who sent the interview, and calcom-gateway lets only them and admins change it.
     */
    public void requireCancellable(Actor actor, Instant now) {
        requireBooked(actor, "cancel", "cancelled", now);
    }

    /**
     * The window a move to {@code start} gives (the same length), refused for what cannot be moved, for a start that is
     * not ahead or is the interview's time already, and for someone whose booking it is not.
     */
    public TimeWindow requireReschedulable(Actor actor, Instant start, Instant now) {
        requireBooked(actor, "move", "moved", now);
        TimeWindow window = TimeWindow.starting(start, Duration.between(startAt, endAt));
        if (!window.startsAfter(now)) {
            throw new InvalidRequestException("invalid_start", "The start must be in the future.");
        }
        if (window.start().equals(startAt) && !awaitingNewTime) {
            throw new InvalidRequestException("invalid_start", "The interview is at that time already.");
        }
        return window;
    }

    /**
     * The time it is booked at, which makes its team busy (empty for a draft, a cancelled interview, or one whose host asked
     * on Cal.com for another time: that time is given up).
     */
    public Optional<TimeWindow> bookedTime() {
        return (status == InterviewStatus.SCHEDULED || status == InterviewStatus.CONFIRMED) && !awaitingNewTime
                ? Optional.of(new TimeWindow(startAt, endAt)) : Optional.empty();
    }

    /** Whether {@code actor} may cancel or reschedule it now: it is booked, not over, and theirs (or they are an admin). */
    public boolean changeableBy(Actor actor, Instant now) {
        return (status == InterviewStatus.SCHEDULED || status == InterviewStatus.CONFIRMED) && !isOver(now) && bookingIsTheirs(actor);
    }

    /**
     * Whether its booked time has ended (a draft or a cancelled interview is never over). One whose host asked for another
     * time is not over: that time no longer holds, and a new one is what is waited for.
     */
    public boolean isOver(Instant now) {
        return bookedTime().map(booked -> !booked.end().isAfter(now)).orElse(false);
    }

    private boolean bookingIsTheirs(Actor actor) {
        return actor.admin() || (sentBy != null && sentBy.equals(actor.id()));
    }

    /** {@code doing} as in "no booking to cancel", {@code done} as in "it can no longer be cancelled". */
    private void requireBooked(Actor actor, String doing, String done, Instant now) {
        if (status == InterviewStatus.DRAFT) {
            throw new ConflictException("interview_not_sent", "This interview was never sent, so there is no booking to " + doing + ".");
        }
        if (status == InterviewStatus.CANCELLED) {
            throw new ConflictException("interview_cancelled", "This interview is cancelled.");
        }
        if (!bookingIsTheirs(actor)) {
            throw new ForbiddenActionException("not_interview_sender", "Only who sent this interview (the Cal.com booking is theirs) "
                    + "and admins may " + doing + " it; " + (origin == InterviewOrigin.CALCOM ? "it was booked on Cal.com directly." : "ask them."));
        }
        // As on Cal.com, which no longer moves a past booking: a meeting that took place cannot be taken back.
        if (isOver(now)) {
            throw new ConflictException("interview_over", "This interview is over (it ended at " + endAt + "), so it can no longer be "
                    + done + "; start a new interview for another meeting.");
        }
    }

    /**
     * Someone it names is reached at another address now: a team member's or a contact's corrected one. Guests taken from
     * contact {@code contactId} (null for a member) take {@code address}. A booked interview that is not over tells everyone
     * again at a higher SEQUENCE, so that the new address gets the invitation; a draft, a cancelled or finished interview,
     * or one awaiting a new time tells nobody (its next invitation, if any, names the new address), nor does one booked on
     * Cal.com directly (Cal.com invited its attendees, not us).
     */
    public Applied attendeeReachedAt(UUID contactId, String address, Instant now) {
        boolean tells = origin == InterviewOrigin.FLOW && bookedTime().isPresent() && !isOver(now);
        List<Guest> corrected = guests.stream()
                .map(g -> contactId != null && contactId.equals(g.contactId()) && !EmailAddress.same(g.email(), address)
                        ? g.reachedAt(address, tells ? now : g.sentAt()) : g)
                .toList();
        if (!tells) {
            return new Applied(corrected.equals(guests) ? this : edit(now).guests(corrected).build(), InterviewChange.NONE);
        }
        return new Applied(edit(now).guests(corrected).sequence(sequence + 1).build(), InterviewChange.ATTENDEES_CHANGED);
    }

    /** Cal.com cancelled the booking at our request: everyone is told, unless its webhook came first. */
    public Applied cancelledHere(String reason, Instant now) {
        if (status == InterviewStatus.CANCELLED) {
            return new Applied(this, InterviewChange.NONE);
        }
        return new Applied(edit(now).status(InterviewStatus.CANCELLED).cancellationReason(reason).awaitingNewTime(false).awaitingHost(false)
                .sendingSince(null).sequence(sequence + 1).build(), InterviewChange.CANCELLED);
    }

    /**
     * Cal.com moved the booking at our request (a new booking uid): everyone is told, unless its webhook came first.
     * {@code awaitsHost}: Cal.com answered the new booking {@code pending}.
     */
    public Applied rescheduledHere(String bookingUid, String icalUid, Instant start, Instant end, String url, String provider,
                                   boolean awaitsHost, Instant now) {
        if (status == InterviewStatus.CANCELLED || bookingUid.equals(calcomBookingUid)) {
            return new Applied(this, InterviewChange.NONE);
        }
        return new Applied(edit(now).calcomBookingUid(bookingUid).calcomIcalUid(icalUid != null ? icalUid : calcomIcalUid)
                .startAt(start).endAt(end).awaitingNewTime(false).awaitingHost(awaitsHost).cancellationReason(null)
                .meetingUrl(url != null ? url : meetingUrl).meetingProvider(provider != null ? provider : meetingProvider)
                .sequence(sequence + 1).build(), InterviewChange.RESCHEDULED);
    }

    // ---- the lifecycle, from Cal.com -------------------------------------------------------------------------------

    /** The interview after a Cal.com change, and what people are told; a stale or repeated change leaves it as it is. */
    public record Applied(Interview interview, InterviewChange change) {
    }

    /**
     * Whether a Cal.com change is about this interview's booking: its meeting (the iCalUID every booking of it shares) or
     * one of its bookings; before any is known, only while a send of it is under way or lost Cal.com's answer (the booking
     * that send made is adopted). The interview id a booking's metadata names proves nothing alone: whoever books on
     * Cal.com can set metadata, so a booking of someone else's naming this interview must neither fill nor move it.
     */
    public boolean concerns(CalcomBookingChange c) {
        if (calcomIcalUid != null || calcomBookingUid != null) {
            return (calcomIcalUid != null && calcomIcalUid.equals(c.icalUid()))
                    || (calcomBookingUid != null && (calcomBookingUid.equals(c.uid()) || calcomBookingUid.equals(c.previousUid())));
        }
        return status == InterviewStatus.DRAFT && sendingSince != null;
    }

    public Applied apply(CalcomBookingChange c, Instant now) {
        if ((status == InterviewStatus.CANCELLED && !replacesCancelledBooking(c))
                || (calcomSequence != null && c.calcomSequence() < calcomSequence)) {
            return new Applied(this, InterviewChange.NONE);
        }
        return switch (c.kind()) {
            case CREATED -> created(c, now);
            case RESCHEDULED -> rescheduled(c, now);
            case CANCELLED -> cancelled(c, now);
            case REQUESTED -> requested(c, now);
        };
    }

    /**
     * A booking that waits for its host's confirmation. A draft whose send lost Cal.com's answer adopts it (never booked
     * twice): scheduled, awaiting its host, and the invitations go out (tentative). A sent interview knows it already.
     */
    private Applied requested(CalcomBookingChange c, Instant now) {
        if (status != InterviewStatus.DRAFT || (calcomBookingUid != null && !calcomBookingUid.equals(c.uid()))) {
            return new Applied(this, InterviewChange.NONE);
        }
        return new Applied(edit(now).status(InterviewStatus.SCHEDULED).calcomBookingUid(c.uid()).calcomIcalUid(c.icalUid())
                .startAt(c.start()).endAt(c.end()).awaitingHost(true).sendingSince(null)
                .meetingUrl(c.meetingUrl() != null ? c.meetingUrl() : meetingUrl)
                .meetingProvider(c.meetingProvider() != null ? c.meetingProvider() : meetingProvider)
                .sentAt(now).guests(sentGuests(now)).sequence(0).build(), InterviewChange.SCHEDULED);
    }

    /**
     * Cal.com books a new time for a cancelled booking only when that cancellation was the host asking for another time.
     * Told of it as a plain cancellation (its webhook never came, and Cal.com's API does not tell the two apart), the
     * interview was cancelled here; the new booking brings it back.
     */
    private boolean replacesCancelledBooking(CalcomBookingChange c) {
        return c.kind() == CalcomBookingChange.Kind.RESCHEDULED && calcomBookingUid != null && calcomBookingUid.equals(c.previousUid());
    }

    private Applied created(CalcomBookingChange c, Instant now) {
        if (calcomBookingUid != null && !calcomBookingUid.equals(c.uid())) {
            return new Applied(this, InterviewChange.NONE);
        }
        if (status == InterviewStatus.CONFIRMED) {
            // A move made from here that Cal.com answered pending: its host confirmed it, and the tentative invitation is now firm.
            return awaitingHost ? new Applied(edit(now).awaitingHost(false).calcomSequence(c.calcomSequence()).sequence(sequence + 1).build(),
                    InterviewChange.CONFIRMED) : new Applied(this, InterviewChange.NONE);
        }
        // A draft whose send lost Cal.com's answer: the booking it made is adopted, never made twice.
        Builder b = edit(now).status(InterviewStatus.CONFIRMED).calcomBookingUid(c.uid()).calcomIcalUid(c.icalUid())
                .calcomSequence(c.calcomSequence()).startAt(c.start()).endAt(c.end()).awaitingHost(false).sendingSince(null)
                .meetingUrl(c.meetingUrl() != null ? c.meetingUrl() : meetingUrl)
                .meetingProvider(c.meetingProvider() != null ? c.meetingProvider() : meetingProvider);
        if (status == InterviewStatus.DRAFT) {
            b.sentAt(now).guests(sentGuests(now)).sequence(0);
        } else {
            b.sequence(sequence + 1);
        }
        return new Applied(b.build(), InterviewChange.CONFIRMED);
    }

    private Applied rescheduled(CalcomBookingChange c, Instant now) {
        if (calcomSequence != null && c.calcomSequence() <= calcomSequence) {
            return new Applied(this, InterviewChange.NONE);
        }
        if (status != InterviewStatus.DRAFT && c.uid().equals(calcomBookingUid) && c.start().equals(startAt) && c.end().equals(endAt)) {
            // A move made from here (rescheduledHere), announced already with its link: the booking stands, nobody is told
            // again — unless Cal.com had answered it pending: Cal.com announces a reschedule only once it is not, so it is firm now.
            Builder b = edit(now).status(InterviewStatus.CONFIRMED).calcomSequence(c.calcomSequence()).awaitingHost(false);
            return awaitingHost ? new Applied(b.sequence(sequence + 1).build(), InterviewChange.CONFIRMED) : new Applied(b.build(), InterviewChange.NONE);
        }
        Builder b = edit(now).status(InterviewStatus.CONFIRMED).calcomBookingUid(c.uid()).calcomIcalUid(c.icalUid())
                .calcomSequence(c.calcomSequence()).startAt(c.start()).endAt(c.end()).awaitingNewTime(false).awaitingHost(false)
                .cancellationReason(null).sendingSince(null).durationMinutes((int) Duration.between(c.start(), c.end()).toMinutes())
                .meetingUrl(c.meetingUrl() != null ? c.meetingUrl() : meetingUrl)
                .meetingProvider(c.meetingProvider() != null ? c.meetingProvider() : meetingProvider);
        if (status == InterviewStatus.DRAFT) {
            b.sentAt(now).guests(sentGuests(now)).sequence(0);
            return new Applied(b.build(), InterviewChange.CONFIRMED);
        }
        return new Applied(b.sequence(sequence + 1).build(), InterviewChange.RESCHEDULED);
    }

    /**
     * A cancellation keeps the sequence of the booking it cancels: one of another booking with a lower or the same sequence
     * is of a booking this meeting has left (a move cancels the old one); with a higher one, of a booking a move made on
     * Cal.com whose webhook never came — the meeting is cancelled (or awaits a new time), at that booking's time.
     */
    private Applied cancelled(CalcomBookingChange c, Instant now) {
        boolean laterBooking = calcomBookingUid != null && !calcomBookingUid.equals(c.uid());
        if (laterBooking && c.calcomSequence() <= (calcomSequence == null ? 0 : calcomSequence)) {
            return new Applied(this, InterviewChange.NONE);
        }
        Builder b = edit(now).calcomBookingUid(c.uid()).calcomIcalUid(c.icalUid() != null ? c.icalUid() : calcomIcalUid)
                .calcomSequence(c.calcomSequence()).cancellationReason(c.reason()).awaitingHost(false).sendingSince(null);
        if (laterBooking) {
            b.startAt(c.start()).endAt(c.end());
        }
        if (c.requestReschedule()) {
            if (awaitingNewTime) {
                return new Applied(this, InterviewChange.NONE);
            }
            return new Applied(b.awaitingNewTime(true).sequence(sequence + 1).build(), InterviewChange.RESCHEDULE_REQUESTED);
        }
        return new Applied(b.status(InterviewStatus.CANCELLED).sequence(isDraft() ? 0 : sequence + 1).build(), InterviewChange.CANCELLED);
    }

    /** A booking made on Cal.com directly, recorded as it is announced (no draft, no invitations of ours). */
    public static Interview fromCalcom(UUID id, CalcomBookingChange c, UUID primaryMember, Instant now) {
        List<Guest> attendees = new ArrayList<>();
        for (CalcomBookingChange.Person p : c.people().stream().skip(1).toList()) {
            if (p.email() != null && EmailAddress.isValid(p.email()) && attendees.stream().noneMatch(g -> g.email().equalsIgnoreCase(p.email()))) {
                attendees.add(new Guest(p.name() == null || p.name().isBlank() ? p.email() : p.name(), p.email(), null, null, null,
                        Guest.Invitation.SENT, now));
            }
        }
        CalcomBookingChange.Person host = c.people().isEmpty() ? null : c.people().get(0);
        InterviewStatus status = c.kind() == CalcomBookingChange.Kind.CANCELLED && !c.requestReschedule() ? InterviewStatus.CANCELLED
                : c.kind() == CalcomBookingChange.Kind.REQUESTED ? InterviewStatus.SCHEDULED : InterviewStatus.CONFIRMED;
        int minutes = (int) Duration.between(c.start(), c.end()).toMinutes();
        return new Interview(id, status, InterviewOrigin.CALCOM, null, null, null, primaryMember, List.of(), null, false, minutes,
                c.start(), c.end(), hostZone(host), null, List.of(), true, false, attendees, c.title(), c.uid(), c.icalUid(), c.calcomSequence(),
                c.meetingUrl(), c.meetingProvider(), 0, c.kind() == CalcomBookingChange.Kind.CANCELLED && c.requestReschedule(),
                c.kind() == CalcomBookingChange.Kind.REQUESTED, c.reason(), null, now, null, host, now, now, 0);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** A booking made on Cal.com directly is in its host's zone, as Cal.com states it; UTC when it states none we know. */
    private static String hostZone(CalcomBookingChange.Person host) {
        String zone = host == null || host.timeZone() == null ? null : host.timeZone().strip();
        return zone != null && IANA_ZONES.contains(zone) ? zone : "UTC";
    }

    private void requireDraft() {
        if (status != InterviewStatus.DRAFT) {
            throw new ConflictException("interview_not_draft",
                    "This interview was already sent; move or cancel it instead (or change it on Cal.com).");
        }
    }

    private List<Guest> sentGuests(Instant now) {
        return guests.stream().map(g -> g.sent(now)).toList();
    }

    private static String zone(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("invalid_timeZone", "'timeZone' is required (an IANA zone such as Europe/Berlin).");
        }
        // Region names only: Cal.com and calendar clients take an attendee's zone by its IANA name, not an offset.
        String name = value.strip();
        if (!IANA_ZONES.contains(name)) {
            throw new InvalidRequestException("invalid_timeZone", "'timeZone' is not a time zone (use an IANA zone such as Europe/Berlin).");
        }
        return name;
    }

    private static List<String> need(boolean a, String aName, boolean b, String bName) {
        List<String> out = new ArrayList<>();
        if (a) {
            out.add(aName);
        }
        if (b) {
            out.add(bName);
        }
        return out;
    }

    private Builder edit(Instant now) {
        return new Builder(this).updatedAt(now);
    }

    /** A team member as the flow needs them. */
    public record MemberRef(UUID id, String name, boolean active, String email) {
    }

    /** A contact as the flow needs them. */
    public record ContactRef(UUID id, UUID startupId, String email) {
    }

    /** Copies with changes; only this class makes changed interviews. */
    private static final class Builder {
        private UUID id, startupId, contactId, primaryMemberId;
        private InterviewStatus status;
        private InterviewOrigin origin;
        private String createdBy, timeZone, prepNotes, title, calcomBookingUid, calcomIcalUid, meetingUrl, meetingProvider, cancellationReason;
        private List<UUID> additionalMemberIds;
        private Long eventTypeId;
        private boolean customDuration, guestsSaved, detailsSaved, awaitingNewTime, awaitingHost;
        private Integer durationMinutes, calcomSequence;
        private Instant startAt, endAt, sendingSince, sentAt, createdAt, updatedAt;
        private String sentBy;
        private List<String> customQuestions;
        private List<Guest> guests;
        private int sequence;
        private CalcomBookingChange.Person calcomHost;
        private long version;

        Builder(Interview i) {
            id = i.id; status = i.status; origin = i.origin; createdBy = i.createdBy; startupId = i.startupId; contactId = i.contactId;
            primaryMemberId = i.primaryMemberId; additionalMemberIds = i.additionalMemberIds; eventTypeId = i.eventTypeId;
            customDuration = i.customDuration; durationMinutes = i.durationMinutes; startAt = i.startAt; endAt = i.endAt;
            timeZone = i.timeZone; prepNotes = i.prepNotes; customQuestions = i.customQuestions; guestsSaved = i.guestsSaved;
            detailsSaved = i.detailsSaved; guests = i.guests; title = i.title; calcomBookingUid = i.calcomBookingUid;
            calcomIcalUid = i.calcomIcalUid; calcomSequence = i.calcomSequence; meetingUrl = i.meetingUrl;
            meetingProvider = i.meetingProvider; sequence = i.sequence; awaitingNewTime = i.awaitingNewTime; awaitingHost = i.awaitingHost;
            cancellationReason = i.cancellationReason; sendingSince = i.sendingSince; sentAt = i.sentAt; sentBy = i.sentBy; calcomHost = i.calcomHost;
            createdAt = i.createdAt; updatedAt = i.updatedAt; version = i.version;
        }

        Builder status(InterviewStatus v) { status = v; return this; }
        Builder startupId(UUID v) { startupId = v; return this; }
        Builder contactId(UUID v) { contactId = v; return this; }
        Builder primaryMemberId(UUID v) { primaryMemberId = v; return this; }
        Builder additionalMemberIds(List<UUID> v) { additionalMemberIds = v; return this; }
        Builder eventTypeId(Long v) { eventTypeId = v; return this; }
        Builder customDuration(boolean v) { customDuration = v; return this; }
        Builder durationMinutes(Integer v) { durationMinutes = v; return this; }
        Builder startAt(Instant v) { startAt = v; return this; }
        Builder endAt(Instant v) { endAt = v; return this; }
        Builder timeZone(String v) { timeZone = v; return this; }
        Builder prepNotes(String v) { prepNotes = v; return this; }
        Builder customQuestions(List<String> v) { customQuestions = v; return this; }
        Builder guestsSaved(boolean v) { guestsSaved = v; return this; }
        Builder detailsSaved(boolean v) { detailsSaved = v; return this; }
        Builder guests(List<Guest> v) { guests = v; return this; }
        Builder calcomBookingUid(String v) { calcomBookingUid = v; return this; }
        Builder calcomIcalUid(String v) { calcomIcalUid = v; return this; }
        Builder calcomSequence(Integer v) { calcomSequence = v; return this; }
        Builder meetingUrl(String v) { meetingUrl = v; return this; }
        Builder meetingProvider(String v) { meetingProvider = v; return this; }
        Builder sequence(int v) { sequence = v; return this; }
        Builder awaitingNewTime(boolean v) { awaitingNewTime = v; return this; }
        Builder awaitingHost(boolean v) { awaitingHost = v; return this; }
        Builder cancellationReason(String v) { cancellationReason = v; return this; }
        Builder sendingSince(Instant v) { sendingSince = v; return this; }
        Builder sentAt(Instant v) { sentAt = v; return this; }
        Builder sentBy(String v) { sentBy = v; return this; }
        Builder updatedAt(Instant v) { updatedAt = v; return this; }

        Interview build() {
            return new Interview(id, status, origin, createdBy, startupId, contactId, primaryMemberId, additionalMemberIds, eventTypeId,
                    customDuration, durationMinutes, startAt, endAt, timeZone, prepNotes, customQuestions, guestsSaved, detailsSaved,
                    guests, title, calcomBookingUid, calcomIcalUid, calcomSequence, meetingUrl, meetingProvider, sequence,
                    awaitingNewTime, awaitingHost, cancellationReason, sendingSince, sentAt, sentBy, calcomHost, createdAt, updatedAt, version);
        }
    }
}

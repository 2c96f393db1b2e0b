package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.InterviewDetails;
import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort.EventTypeOption;
import io.schedulr.scheduling.application.port.out.interview.InterviewStore;
import io.schedulr.scheduling.application.port.out.interview.NotesSanitizer;
import io.schedulr.scheduling.domain.InvalidRequestException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.UnprocessableActionException;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewStatus;
import io.schedulr.scheduling.domain.interview.TeamMember;
import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

public class InterviewFlowService implements InterviewFlowUseCase {
    private final UnitOfWork tx;
    private final Interviews interviews;
    private final CalcomGatewayPort calcom;
    private final NotesSanitizer sanitizer;
    private final ContactRegistration contacts;
    private final Optional<Long> customDurationEventType;
    private final Clock clock;
    private final GuestChoices choices;

    /** @param customDurationEventType the Cal.com event type booked for a custom duration chosen without one */
    public InterviewFlowService(UnitOfWork tx, Interviews interviews, CalcomGatewayPort calcom, NotesSanitizer sanitizer,
                                ContactRegistration contacts, Optional<Long> customDurationEventType, Clock clock) {
        this.contacts = contacts;
        this.tx = tx;
        this.interviews = interviews;
        this.calcom = calcom;
        this.sanitizer = sanitizer;
        this.customDurationEventType = customDurationEventType;
        this.clock = clock;
        this.choices = new GuestChoices(interviews);
    }

    @Override
    public Uni<InterviewDetails> start(Actor actor, UUID startupId) {
        return tx.inTransaction(() -> {
            Uni<Void> startupKnown = startupId == null ? Uni.createFrom().voidItem()
                    : interviews.startups().find(startupId).map(s -> s.orElseThrow(() -> startupNotFound(startupId))).replaceWithVoid();
            return startupKnown.chain(() -> interviews.save(actor.id(), "created", null,
                    Interview.draft(UUID.randomUUID(), actor.id(), startupId, clock.instant()))).chain(interviews::details);
        });
    }

    @Override
    public Uni<InterviewDetails> get(Actor actor, UUID interviewId) {
        return tx.inTransaction(() -> interviews.visible(actor, interviewId).chain(interviews::details));
    }

    @Override
    public Uni<List<InterviewDetails>> list(Actor actor, InterviewStatus status, UUID startupId, int limit, int offset) {
        return tx.inTransaction(() -> interviews.memberIdOf(actor)
                .chain(memberId -> interviews.store().list(new InterviewStore.Visibility(actor.admin(), actor.id(), memberId), status, startupId,
                        limit, offset))
                .chain(found -> {
                    Uni<List<InterviewDetails>> all = Uni.createFrom().item(new ArrayList<>());
                    for (Interview interview : found) {
                        all = all.chain(list -> interviews.details(interview).map(d -> {
                            list.add(d);
                            return list;
                        }));
                    }
                    return all;
                }));
    }

    @Override
    public Uni<InterviewDetails> chooseStartup(Actor actor, UUID interviewId, UUID startupId, UUID contactId, NewContact newContact) {
        if (startupId == null) {
            throw new InvalidRequestException("invalid_startupId", "'startupId' is required.");
        }
        if ((contactId == null) == (newContact == null)) {
            throw new InvalidRequestException("invalid_contact", "Send either 'contactId' or 'newContact' {name, email, role}.");
        }
        Contact candidate = newContact == null ? null : Contact.create(startupId, newContact.name(), newContact.email(), newContact.role());
        return step(actor, interviewId, "startup_chosen", interview ->
                interviews.startups().find(startupId).map(s -> s.orElseThrow(() -> startupNotFound(startupId)))
                        .chain(startup -> contactFor(startupId, contactId, candidate, actor))
                        .map(contact -> interview.chooseStartup(startupId,
                                new Interview.ContactRef(contact.id(), contact.startupId(), contact.email()), clock.instant())));
    }

    private Uni<Contact> contactFor(UUID startupId, UUID contactId, Contact candidate, Actor actor) {
        if (contactId != null) {
            return interviews.contacts().find(contactId).map(c -> c.orElseThrow(() ->
                    new NotFoundException("contact_not_found", "No contact " + contactId + ".")));
        }
        // A contact typed in again is the one already there, not a second one.
        return interviews.contacts().findByEmail(startupId, candidate.email()).chain(existing -> existing.isPresent()
                ? Uni.createFrom().item(existing.get())
                : contacts.register(actor.id(), candidate));
    }

    @Override
    public Uni<InterviewDetails> chooseTeam(Actor actor, UUID interviewId, UUID primaryMemberId, List<UUID> additionalMemberIds) {
        if (primaryMemberId == null) {
            throw new InvalidRequestException("invalid_primaryMemberId", "'primaryMemberId' is required: who leads the interview.");
        }
        List<UUID> additional = additionalMemberIds == null ? List.of() : additionalMemberIds;
        if (additional.stream().anyMatch(id -> id == null)) {
            throw new InvalidRequestException("invalid_additionalMemberIds", "'additionalMemberIds' holds an empty id.");
        }
        List<UUID> all = new ArrayList<>(additional);
        all.add(primaryMemberId);
        return step(actor, interviewId, "team_chosen", interview -> interviews.members().findByIds(all).map(found -> {
            Map<UUID, TeamMember> byId = found.stream().collect(Collectors.toMap(TeamMember::id, Function.identity()));
            for (UUID id : all) {
                if (!byId.containsKey(id)) {
                    throw new NotFoundException("team_member_not_found", "No team member " + id + ".");
                }
            }
            return interview.chooseTeam(ref(byId.get(primaryMemberId)), additional.stream().map(id -> ref(byId.get(id))).toList(),
                    clock.instant());
        }));
    }

    private static Interview.MemberRef ref(TeamMember m) {
        return new Interview.MemberRef(m.id(), m.name(), m.active(), m.email());
    }

    @Override
    public Uni<InterviewDetails> chooseBooking(Actor actor, UUID interviewId, Long eventTypeId, Integer customDurationMinutes, Instant start) {
        if (start == null) {
            throw new InvalidRequestException("invalid_start", "'start' is required (ISO 8601 with an offset).");
        }
        if (eventTypeId == null && customDurationMinutes == null) {
            throw new InvalidRequestException("invalid_eventTypeId", "Send 'eventTypeId' or 'customDurationMinutes'.");
        }
        long typeId;
        if (eventTypeId != null) {
            typeId = eventTypeId;
        } else {
            typeId = customDurationEventType.orElseThrow(() -> new UnprocessableActionException("custom_duration_unavailable",
                    "Custom durations need an event type to book on Cal.com: choose one (eventTypeId with customDurationMinutes), "
                            + "or ask an operator to set SCHEDULR_INTERVIEWS_CUSTOM_DURATION_EVENT_TYPE."));
        }
        // Checked before Cal.com is asked: the draft must be the caller's to change.
        return tx.inTransaction(() -> interviews.editable(actor, interviewId)).chain(ignored -> calcom.eventTypes()).chain(types -> {
            EventTypeOption type = types.stream().filter(t -> t.id() == typeId).findFirst().orElseThrow(() ->
                    new NotFoundException("event_type_not_found", "Cal.com offers no event type " + typeId + "."));
            int minutes = customDurationMinutes != null ? customDurationMinutes : type.lengthInMinutes();
            if (customDurationMinutes != null && !type.offers(customDurationMinutes)) {
                throw new InvalidRequestException("invalid_customDurationMinutes", EventTypeLengths.refusal(type, customDurationMinutes));
            }
            return step(actor, interviewId, "booking_type_chosen",
                    interview -> Uni.createFrom().item(interview.chooseBooking(typeId, minutes, customDurationMinutes != null, start, clock.instant())));
        });
    }

    @Override
    public Uni<InterviewDetails> chooseGuests(Actor actor, UUID interviewId, List<GuestInput> guests) {
        GuestChoices.requireListed(guests);
        return step(actor, interviewId, "guests_chosen", interview -> choices.resolve(guests)
                .chain(list -> choices.invitedOtherwise(interview).map(taken -> interview.chooseGuests(list, taken, clock.instant()))));
    }

    @Override
    public Uni<InterviewDetails> chooseDetails(Actor actor, UUID interviewId, String prepNotes, List<String> customQuestions, String timeZone) {
        String safe = prepNotes == null ? null : sanitizer.sanitize(prepNotes);
        List<String> questions = customQuestions == null ? List.of() : customQuestions;
        if (questions.stream().anyMatch(q -> q == null)) {
            throw new InvalidRequestException("invalid_customQuestions", "'customQuestions' holds an empty entry.");
        }
        return step(actor, interviewId, "details_chosen",
                interview -> Uni.createFrom().item(interview.chooseDetails(safe, questions, timeZone, clock.instant())));
    }

    /** One step: the draft as the actor may change it, the change, the audit row; all or nothing. */
    private Uni<InterviewDetails> step(Actor actor, UUID interviewId, String action, Function<Interview, Uni<Interview>> change) {
        return tx.inTransaction(() -> interviews.editable(actor, interviewId)
                .chain(before -> change.apply(before).chain(after -> interviews.save(actor.id(), action, before, after))))
                .chain(saved -> tx.inTransaction(() -> interviews.details(saved)));
    }

    private static NotFoundException startupNotFound(UUID id) {
        return new NotFoundException("startup_not_found", "No startup " + id + ".");
    }
}

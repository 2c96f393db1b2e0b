package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.InterviewStatus;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Steps 1–5 of creating an interview, each validated and saved on the draft, and reading interviews. A step that fails
 * leaves the rest of the draft as it was. Only who started the draft, its primary interviewer and admins may change it;
 * an interview is visible to them and its team, and to nobody else (404).
 */
public interface InterviewFlowUseCase {
    Uni<InterviewDetails> start(Actor actor, UUID startupId);

    Uni<InterviewDetails> get(Actor actor, UUID interviewId);

    /** The interviews the actor sees, newest first; {@code status} and {@code startupId} narrow them when given. */
    Uni<List<InterviewDetails>> list(Actor actor, InterviewStatus status, UUID startupId, int limit, int offset);

    /** Step 1: an existing contact ({@code contactId}) or a new one ({@code newContact}), exactly one of them. */
    Uni<InterviewDetails> chooseStartup(Actor actor, UUID interviewId, UUID startupId, UUID contactId, NewContact newContact);

    Uni<InterviewDetails> chooseTeam(Actor actor, UUID interviewId, UUID primaryMemberId, List<UUID> additionalMemberIds);

    /** Step 3: {@code eventTypeId} and/or {@code customDurationMinutes} (at least one), and the start. */
    Uni<InterviewDetails> chooseBooking(Actor actor, UUID interviewId, Long eventTypeId, Integer customDurationMinutes, Instant start);

    Uni<InterviewDetails> chooseGuests(Actor actor, UUID interviewId, List<GuestInput> guests);

    Uni<InterviewDetails> chooseDetails(Actor actor, UUID interviewId, String prepNotes, List<String> customQuestions, String timeZone);

    record NewContact(String name, String email, String role) {
    }

    /** A guest typed in, or taken from a contact ({@code contactId}: its name and email fill what is left out). */
    record GuestInput(String name, String email, String role, String company, UUID contactId) {
    }
}

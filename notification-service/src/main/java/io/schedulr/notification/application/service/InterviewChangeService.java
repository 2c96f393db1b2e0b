package io.schedulr.notification.application.service;

import io.schedulr.events.ParticipantRules;
import io.schedulr.notification.application.port.in.HandleInterviewChangeCommand;
import io.schedulr.notification.application.port.in.HandleInterviewChangeCommand.PersonData;
import io.schedulr.notification.application.port.in.HandleInterviewChangeUseCase;
import io.schedulr.notification.application.port.out.RecordInterviewChangePort;
import io.schedulr.notification.application.port.out.ReminderPlanPort;
import io.schedulr.notification.domain.InterviewChange;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.InterviewDetails;
import io.schedulr.notification.domain.InterviewParticipant;
import io.schedulr.notification.domain.InterviewPlan;
import io.schedulr.notification.domain.InvalidRoomChangeException;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.Person;
import io.smallrye.mutiny.Uni;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Interview invitations: every person taking part gets the REQUEST (scheduled, confirmed, rescheduled) or the CANCEL
 * (cancelled, reschedule requested), with the interview's UID and the event's SEQUENCE, through the same delivery queue
 * as rooms. A person whose address cannot be mailed is left out (audited); everyone else is invited all the same.
 */
public class InterviewChangeService implements HandleInterviewChangeUseCase {
    private final RecordInterviewChangePort store;
    private final Runnable deliveriesQueued;
    private final ReminderPlanning reminders;

    /**
     * @param deliveriesQueued told after new deliveries are durably queued, so they go out without waiting for the next round
     * @param reminders        plans the interview's reminders in the event's transaction
     */
    public InterviewChangeService(RecordInterviewChangePort store, Runnable deliveriesQueued, ReminderPlanning reminders) {
        this.store = store;
        this.deliveriesQueued = deliveriesQueued;
        this.reminders = reminders;
    }

    @Override
    public Uni<Outcome> handle(HandleInterviewChangeCommand command) {
        List<InterviewParticipant> people = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (PersonData p : command.people()) {
            if (p == null || p.kind() == null) {
                throw new InvalidRoomChangeException("interview " + command.interviewId() + " names a person without a kind");
            }
            Person person;
            try {
                person = new Person(p.userId(), p.email(), p.name(), p.timeZone() == null || p.timeZone().isBlank() ? command.timeZone()
                        : p.timeZone());
            } catch (InvalidRoomChangeException e) {
                if (p.kind() == InterviewParticipant.Kind.PRIMARY_INTERVIEWER) {
                    throw new InvalidRoomChangeException("the primary interviewer of interview " + command.interviewId()
                            + " has no usable address");
                }
                unusable.add(String.valueOf(p.email()));
                continue;
            }
            InterviewParticipant participant = new InterviewParticipant(person, p.kind(), p.role(), p.company());
            if (p.kind() == InterviewParticipant.Kind.PRIMARY_INTERVIEWER && people.stream()
                    .noneMatch(q -> q.kind() == InterviewParticipant.Kind.PRIMARY_INTERVIEWER)) {
                people.add(0, participant);
            } else {
                people.add(participant);
            }
        }
        InterviewDetails details = new InterviewDetails(command.interviewId(), command.change(), people, command.reason(),
                command.tentative());
        Person organizer = details.organizer().person();
        Person attendee = details.people().size() > 1 ? details.people().get(1).person() : organizer;
        // One line (it is the subject too), without control characters, of bounded length.
        String title = ParticipantRules.cleanName(command.title());
        title = title == null || title.isBlank() ? "Interview" : title;
        Meeting meeting = new Meeting(details.key(), command.icsUid(), command.sequence(), command.start(), command.end(), title,
                joinLink(command.meetingUrl()), organizer, attendee, details);
        Function<ReminderPlanPort, Uni<?>> reminderChange = command.change().method() == InviteMethod.REQUEST
                ? plan -> reminders.scheduled(plan, ReminderSessions.ofInterview(meeting), command.changedAt())
                : plan -> reminders.cancelled(plan, meeting.roomId(), meeting.icsUid(), meeting.sequence(),
                        command.change() == InterviewChange.CANCELLED ? "the interview was cancelled" : "the interview awaits a new time");
        return store.recordOnce(command.eventId(), meeting, unusable, state -> InterviewPlan.of(command.eventId(), meeting, state),
                        reminderChange)
                .map(plan -> {
                    if (plan == null) {
                        return Outcome.DUPLICATE;
                    }
                    if (plan.stale()) {
                        return Outcome.STALE;
                    }
                    if (!plan.invitations().isEmpty()) {
                        deliveriesQueued.run();
                    }
                    return Outcome.QUEUED;
                });
    }

    /** Only an absolute http(s) link becomes LOCATION/URL and the join link; anything else is left out. */
    static String joinLink(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri.toString() : null;
        } catch (Exception e) {
            return null;
        }
    }
}

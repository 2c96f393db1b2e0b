package io.schedulr.scheduling.adapter.out.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.InterviewPerson;
import io.schedulr.events.Topics;
import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.application.port.out.interview.InterviewAnnouncements;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.InterviewAnnouncement;
import io.schedulr.scheduling.domain.interview.InterviewAnnouncement.Participant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an interview event ({@code scheduling.interview-events.v1}, keyed by interview id) into the outbox inside the
 * use case's transaction. People who have signed in to Schedulr are named by their user id and shown times in their own
 * zone; everyone else in the meeting's zone.
 */
@ApplicationScoped
public class InterviewOutboxAppender implements InterviewAnnouncements {
    @Inject
    SchedulingConfig config;

    private record Known(String userId, String timeZone) {
    }

    @Override
    public Uni<Void> announce(InterviewAnnouncement announcement) {
        List<String> emails = announcement.people().stream().map(p -> p.email().toLowerCase(Locale.ROOT)).distinct().toList();
        return SessionConnection.select("SELECT DISTINCT ON (lower(email)) lower(email), id, time_zone FROM users "
                                + "WHERE " + SessionConnection.isIn("lower(email)", 1, emails.size()) + " ORDER BY lower(email), updated_at DESC",
                        SessionConnection.isInValues(emails))
                .chain(rows -> {
                    Map<String, Known> known = new HashMap<>();
                    for (Object[] row : rows) {
                        known.put((String) row[0], new Known((String) row[1], (String) row[2]));
                    }
                    CloudEvent<InterviewEvent> event = toCloudEvent(announcement, known);
                    return OutboxRows.append(announcement.id(), Topics.INTERVIEW_EVENTS, event);
                })
                .replaceWithVoid();
    }

    private CloudEvent<InterviewEvent> toCloudEvent(InterviewAnnouncement a, Map<String, Known> known) {
        Interview i = a.interview();
        List<InterviewPerson> people = a.people().stream().map(p -> person(p, known.get(p.email().toLowerCase(Locale.ROOT)), i.timeZone())).toList();
        InterviewEvent data = new InterviewEvent(i.id().toString(), i.icsUid(), i.sequence(), i.status().name().toLowerCase(Locale.ROOT),
                a.title(), a.startupName(), i.startAt(), i.endAt(), i.timeZone(), i.meetingUrl(), i.meetingProvider(), i.calcomBookingUid(),
                people, a.reason(), i.awaitsHostConfirmation());
        return CloudEvent.of(a.id().toString(), config.events().source(), type(a).cloudEventType(), a.at(), i.id().toString(), data);
    }

    private static InterviewPerson person(Participant p, Known known, String meetingZone) {
        String zone = known != null && known.timeZone() != null ? known.timeZone() : meetingZone;
        return new InterviewPerson(known == null ? null : known.userId(), p.name(), p.email(), p.role(), p.company(), zone,
                InterviewPerson.Kind.valueOf(p.kind().name()));
    }

    private static InterviewEventType type(InterviewAnnouncement a) {
        return switch (a.change()) {
            case SCHEDULED -> InterviewEventType.INTERVIEW_SCHEDULED;
            case CONFIRMED -> InterviewEventType.INTERVIEW_CONFIRMED;
            case RESCHEDULED -> InterviewEventType.INTERVIEW_RESCHEDULED;
            case RESCHEDULE_REQUESTED -> InterviewEventType.INTERVIEW_RESCHEDULE_REQUESTED;
            case CANCELLED -> InterviewEventType.INTERVIEW_CANCELLED;
            case ATTENDEES_CHANGED -> InterviewEventType.INTERVIEW_ATTENDEES_CHANGED;
            case NONE -> throw new IllegalArgumentException("nothing to announce");
        };
    }
}

package io.schedulr.notification.adapter.in.messaging;

import io.schedulr.events.CloudEvent;
import io.schedulr.events.InterviewEvent;
import io.schedulr.events.InterviewEventType;
import io.schedulr.events.InterviewPerson;
import io.schedulr.notification.application.port.in.HandleInterviewChangeCommand;
import io.schedulr.notification.domain.InterviewChange;
import io.schedulr.notification.domain.InterviewParticipant;

import java.util.ArrayList;
import java.util.List;

/** Maps an interview event of the contract to the command of the use case. */
final class InterviewEventCommands {

    private InterviewEventCommands() {
    }

    static HandleInterviewChangeCommand toCommand(CloudEvent<InterviewEvent> event, InterviewEventType type) {
        InterviewEvent d = event.data();
        List<HandleInterviewChangeCommand.PersonData> people = new ArrayList<>();
        for (InterviewPerson p : d.people()) {
            people.add(new HandleInterviewChangeCommand.PersonData(p.userId(), p.name(), p.email(), p.role(), p.company(), p.timeZone(),
                    InterviewParticipant.Kind.valueOf(p.kind().name())));
        }
        return new HandleInterviewChangeCommand(event.id(), event.time(), changeOf(type), d.interviewId(), d.icsUid(), d.sequence(),
                d.startUtc(), d.endUtc(), d.title(), d.timeZone(), d.meetingUrl(), people, d.reason(),
                d.tentative());
    }

    static InterviewChange changeOf(InterviewEventType type) {
        return switch (type) {
            case INTERVIEW_SCHEDULED -> InterviewChange.SCHEDULED;
            case INTERVIEW_CONFIRMED -> InterviewChange.CONFIRMED;
            case INTERVIEW_RESCHEDULED -> InterviewChange.RESCHEDULED;
            case INTERVIEW_RESCHEDULE_REQUESTED -> InterviewChange.RESCHEDULE_REQUESTED;
            case INTERVIEW_CANCELLED -> InterviewChange.CANCELLED;
            case INTERVIEW_ATTENDEES_CHANGED -> InterviewChange.ATTENDEES_CHANGED;
        };
    }
}

package io.schedulr.notification.application.service;

import io.schedulr.notification.application.port.in.HandleRoomChangeCommand;
import io.schedulr.notification.domain.InterviewParticipant;
import io.schedulr.notification.domain.Meeting;
import io.schedulr.notification.domain.ReminderSession;
import io.schedulr.notification.domain.SessionParticipant;

import java.util.ArrayList;
import java.util.List;

/** The reminder session a room or interview change describes. */
final class ReminderSessions {
    private ReminderSessions() {
    }

    /** A booked room: the host and the guest. */
    static ReminderSession ofRoom(HandleRoomChangeCommand command, Meeting meeting) {
        List<SessionParticipant> people = List.of(new SessionParticipant(meeting.organizer(), "host"),
                new SessionParticipant(meeting.attendee(), "guest"));
        return new ReminderSession(ReminderSession.roomKey(command.roomId()), meeting.icsUid(), meeting.sequence(), meeting.title(),
                meeting.start(), meeting.end(), InterviewChangeService.joinLink(meeting.roomUrl()), people);
    }

    /** An interview: everyone taking part with a mailable address (the meeting's join link is already checked). */
    static ReminderSession ofInterview(Meeting meeting) {
        List<SessionParticipant> people = new ArrayList<>();
        for (InterviewParticipant p : meeting.interview().people()) {
            people.add(new SessionParticipant(p.person(), role(p)));
        }
        return new ReminderSession(meeting.roomId(), meeting.icsUid(), meeting.sequence(), meeting.title(), meeting.start(), meeting.end(),
                meeting.roomUrl(), people);
    }

    private static String role(InterviewParticipant p) {
        String kind = switch (p.kind()) {
            case PRIMARY_INTERVIEWER -> SessionParticipant.ORGANIZING_INTERVIEWER;
            case TEAM_MEMBER -> SessionParticipant.INTERVIEWER;
            case CONTACT -> "startup contact";
            case GUEST -> "guest";
        };
        String detail = p.role() != null && p.company() != null ? p.role() + ", " + p.company() : p.role() != null ? p.role() : p.company();
        return detail == null ? kind : detail + "; " + kind;
    }
}

package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Interview;
import io.schedulr.scheduling.domain.interview.Startup;
import io.schedulr.scheduling.domain.interview.TeamMember;

import java.util.List;

/** An interview with what it refers to, as its viewers see it; any reference may be null while the draft lacks it. */
public record InterviewDetails(Interview interview, Startup startup, Contact contact, TeamMember primary, List<TeamMember> additional) {
}

package io.schedulr.scheduling.application.port.out.interview;

import io.schedulr.scheduling.domain.interview.InterviewAnnouncement;
import io.smallrye.mutiny.Uni;

/** Records what people are told about an interview, in the same transaction as the change; a relay publishes it. */
public interface InterviewAnnouncements {
    Uni<Void> announce(InterviewAnnouncement announcement);
}

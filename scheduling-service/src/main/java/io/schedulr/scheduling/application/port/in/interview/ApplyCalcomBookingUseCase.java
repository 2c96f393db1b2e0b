package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.CalcomBookingChange;
import io.schedulr.scheduling.domain.interview.InterviewChange;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/**
 * A change Cal.com announced (through calcom-gateway's booking events) moves the interview it belongs to; a booking we
 * never made is recorded as an interview. Repeated and out-of-order changes are harmless.
 */
public interface ApplyCalcomBookingUseCase {
    Uni<Result> apply(CalcomBookingChange change);

    /** @param recorded true when the booking was new to us and recorded as an interview */
    record Result(UUID interviewId, InterviewChange change, boolean recorded) {
    }
}

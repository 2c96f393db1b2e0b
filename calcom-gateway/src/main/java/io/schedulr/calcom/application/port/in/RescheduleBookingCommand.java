package io.schedulr.calcom.application.port.in;

import java.time.Instant;

/** Move a booking to {@code start}; Cal.com answers with the new booking that replaces it. Validates itself. */
public record RescheduleBookingCommand(String uid, Instant start, String reason) {
    public RescheduleBookingCommand {
        uid = Inputs.uid(uid);
        Inputs.required(start, "start");
        reason = Inputs.optionalText(reason, "reschedulingReason", 500);
    }
}

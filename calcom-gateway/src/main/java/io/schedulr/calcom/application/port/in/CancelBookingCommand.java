package io.schedulr.calcom.application.port.in;

/** Cancel a booking, with the reason Cal.com shows the attendee. Validates itself. */
public record CancelBookingCommand(String uid, String reason) {
    public CancelBookingCommand {
        uid = Inputs.uid(uid);
        reason = Inputs.optionalText(reason, "cancellationReason", 500);
    }
}

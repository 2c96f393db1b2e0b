package io.schedulr.calcom.application.port.in;

/** A Cal.com booking uid as a caller gave it, checked before it goes into a Cal.com URL. */
public record BookingId(String uid) {
    public BookingId {
        uid = Inputs.uid(uid);
    }
}

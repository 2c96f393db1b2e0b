package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.ReleaseBookingUseCase;
import io.schedulr.scheduling.application.port.in.RoomDetails;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

/**
 * The guest leaves their booking, by the room's own {@code release} rule, in one transaction with one RELEASED event
 * (the booking as it ends: its invitation UID, a higher SEQUENCE, the guest). Like a deletion, not behind the calendar
 * gate: nobody is trapped in a booking.
 */
public class ReleaseBookingService implements ReleaseBookingUseCase {
    private final RoomChangeFlow flow;

    public ReleaseBookingService(RoomChangeFlow flow) {
        this.flow = flow;
    }

    @Override
    public Uni<RoomDetails> release(UserProfile guest, RoomId roomId) {
        return flow.release(guest, roomId, (room, now) -> room.release(guest.id(), now));
    }
}

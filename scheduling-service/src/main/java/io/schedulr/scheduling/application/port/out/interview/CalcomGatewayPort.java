package io.schedulr.scheduling.application.port.out.interview;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;

/**
 * calcom-gateway, the only Cal.com caller, on behalf of the person of the current request. Failures are
 * {@link CalcomGatewayException}s; nothing here retries a booking (calcom-gateway does what is safe).
 */
public interface CalcomGatewayPort {
    Uni<List<EventTypeOption>> eventTypes();

    Uni<SlotOptions> slots(long eventTypeId, Instant from, Instant to, String timeZone, Integer lengthInMinutes);

    Uni<BookedMeeting> book(BookingRequest request);

    /** Cal.com's state of a booking the caller made (an admin: any). */
    Uni<BookingState> bookingState(String bookingUid);

    /** Cancels a booking the caller made (an admin: any); {@code reason} may be null. */
    Uni<Void> cancel(String bookingUid, String reason);

    /** Moves a booking the caller made (an admin: any): Cal.com answers with the new booking that replaces it. */
    Uni<BookedMeeting> reschedule(String bookingUid, Instant start, String reason);

    /**
     * @param status           {@code accepted}, {@code cancelled}, …
     * @param rescheduledToUid the booking that replaced this one when it was moved on Cal.com (which cancels it under its uid)
     */
    record BookingState(String status, String rescheduledToUid) {
        /** Cancelled on Cal.com, and not because it was moved there. */
        public boolean cancelled() {
            return "cancelled".equals(status) && rescheduledToUid == null;
        }

        public boolean moved() {
            return rescheduledToUid != null;
        }
    }

    record Host(long userId, String name) {
    }

    record EventTypeOption(long id, String title, String description, int lengthInMinutes, List<Integer> lengthOptions, List<Host> hosts) {
        public boolean offers(int minutes) {
            return lengthInMinutes == minutes || (lengthOptions != null && lengthOptions.contains(minutes));
        }

        /** Every length a booking may choose: the options, or the one length when the type offers no choice. */
        public List<Integer> lengths() {
            return lengthOptions == null || lengthOptions.isEmpty() ? List.of(lengthInMinutes) : lengthOptions;
        }
    }

    record Slot(Instant start, Instant end) {
    }

    record MemberSlots(Host member, List<Slot> slots) {
    }

    /** @param everyHostAttends true when every host is free in every slot (collective types) */
    record SlotOptions(long eventTypeId, String timeZone, boolean everyHostAttends, List<Slot> slots, List<MemberSlots> members) {
    }

    record Attendee(String name, String email, String timeZone) {
    }

    record BookingRequest(String interviewId, long eventTypeId, Instant start, Integer lengthInMinutes, Attendee attendee, List<String> guests) {
    }

    /**
     * @param meetingProvider e.g. {@code cal-video}; null when Cal.com did not say
     * @param awaitsHost      Cal.com answered it {@code pending}: its event type needs a host to confirm it
     */
    record BookedMeeting(String uid, String icalUid, Instant start, Instant end, String meetingUrl, String meetingProvider,
                         boolean awaitsHost) {
    }
}

package io.schedulr.calcom.application.port.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Book an interview on Cal.com: an event type at {@code start}, for its default length or another of its lengths
 * ({@code lengthInMinutes}, a custom duration), with the attendee (the interviewed person), guests (further people
 * invited by email) and our interview's id, which the booking carries in its metadata. Validates itself.
 *
 * @param bookedBy the signed-in person who asked, kept in the booking's metadata
 */
public record CreateBookingCommand(String interviewId, long eventTypeId, Instant start, Integer lengthInMinutes, Attendee attendee,
                                   List<String> guests, String bookedBy) {
    public static final int MAX_GUESTS = 30;

    public CreateBookingCommand {
        interviewId = Inputs.text(interviewId, "interviewId", 100);
        if (eventTypeId < 1) {
            throw new InvalidInputException("eventTypeId", "must be a positive number.");
        }
        Inputs.required(start, "start");
        if (lengthInMinutes != null && (lengthInMinutes < 1 || lengthInMinutes > 1440)) {
            throw new InvalidInputException("lengthInMinutes", "must be between 1 and 1440.");
        }
        Inputs.required(attendee, "attendee");
        guests = guests(guests, attendee.email());
        bookedBy = Inputs.text(bookedBy, "bookedBy", 200);
    }

    /** The person the interview is with: name, email, the zone Cal.com writes their confirmation in, and its language. */
    public record Attendee(String name, String email, String timeZone, String language) {
        public Attendee {
            name = Inputs.text(name, "attendee.name", 200);
            email = Inputs.email(email, "attendee.email");
            timeZone = Inputs.zone(timeZone, "attendee.timeZone");
            if (language != null && !language.matches("^[a-z]{2}(-[A-Za-z]{2,4})?$")) {
                throw new InvalidInputException("attendee.language", "must be a language code such as en or pt-BR.");
            }
        }
    }

    private static List<String> guests(List<String> guests, String attendeeEmail) {
        if (guests == null) {
            return List.of();
        }
        if (guests.size() > MAX_GUESTS) {
            throw new InvalidInputException("guests", "must list at most " + MAX_GUESTS + " addresses.");
        }
        Set<String> seen = new HashSet<>();
        seen.add(attendeeEmail.toLowerCase(Locale.ROOT));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < guests.size(); i++) {
            String guest = Inputs.email(guests.get(i), "guests[" + i + "]");
            if (!seen.add(guest.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("guests[" + i + "]", "repeats an address already invited.");
            }
            out.add(guest);
        }
        return List.copyOf(out);
    }
}

package io.schedulr.events;

/** A person in a room event, with everything a consumer needs to address and greet them. */
public record Participant(String id, String email, String name, String timeZone) {
}

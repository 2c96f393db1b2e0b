package io.schedulr.scheduling.domain;

/**
 * A person as scheduling knows them: kept up to date from their token's claims on each call.
 *
 * @param timeZone as read from {@code users}, the person's zone; as made from a token, the zone it states, or null when it
 *                 states none (Google's ID tokens), which leaves the zone kept for the person as it is
 */
public record UserProfile(String id, String email, String displayName, String timeZone) {
    /** The zone to write this person's times in when nothing better is known: theirs, else UTC. */
    public String zoneOrUtc() {
        return timeZone == null ? "UTC" : timeZone;
    }

    /** The same person in another zone: the one kept for them, when it is not what their token states. */
    public UserProfile inZone(String zone) {
        return new UserProfile(id, email, displayName, zone);
    }

    /** Invitations go by email: whoever books or offers a session needs an address. */
    public UserProfile requireEmail() {
        if (email == null || email.isBlank()) {
            throw new InvalidRequestException("email_required", "Your token has no email claim; invitations need one.");
        }
        return this;
    }
}

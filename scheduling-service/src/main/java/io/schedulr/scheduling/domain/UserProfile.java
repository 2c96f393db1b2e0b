package io.schedulr.scheduling.domain;

/** A person as scheduling knows them: kept up to date from their token's claims on each call. */
public record UserProfile(String id, String email, String displayName, String timeZone) {

    /** Invitations go by email: whoever books or offers a session needs an address. */
    public UserProfile requireEmail() {
        if (email == null || email.isBlank()) {
            throw new InvalidRequestException("email_required", "Your token has no email claim; invitations need one.");
        }
        return this;
    }
}

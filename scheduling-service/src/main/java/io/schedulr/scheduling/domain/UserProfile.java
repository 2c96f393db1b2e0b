package io.schedulr.scheduling.domain;

/** A person as scheduling knows them: kept up to date from their token's claims on each call. */
public record UserProfile(String id, String email, String displayName, String timeZone) {
}

package io.schedulr.calendarsync.application;

/** The signed-in person: their Google account id ({@code sub}), email and time zone. */
public record Person(String googleAccountId, String email, String timeZone) {
}

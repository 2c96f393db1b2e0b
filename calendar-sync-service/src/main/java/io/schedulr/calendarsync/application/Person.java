package io.schedulr.calendarsync.application;

/** The signed-in person: their Google account id ({@code sub}), email and time zone. */
public record Person(String googleAccountId, String email, String timeZone) {
    /** The same person in the zone they named (their token may state none: Google's ID tokens do not). */
    public Person inZone(String zone) {
        return new Person(googleAccountId, email, zone);
    }
}

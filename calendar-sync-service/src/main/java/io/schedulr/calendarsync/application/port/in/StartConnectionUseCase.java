package io.schedulr.calendarsync.application.port.in;

import io.schedulr.calendarsync.application.Person;

/** Begins connecting a person's Google Calendar. */
public interface StartConnectionUseCase {
    /** Google's consent URL for this person, with a fresh single-use state. */
    String start(Person person);
}

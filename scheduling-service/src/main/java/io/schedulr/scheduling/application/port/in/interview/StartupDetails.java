package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Startup;

import java.util.List;

/** A startup with its contacts (sorted by name), what step 1 of an interview picks from. */
public record StartupDetails(Startup startup, List<Contact> contacts) {
    public StartupDetails {
        contacts = List.copyOf(contacts);
    }
}

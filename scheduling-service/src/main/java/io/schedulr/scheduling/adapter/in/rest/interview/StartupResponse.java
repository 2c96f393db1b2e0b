package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.application.port.in.interview.StartupDetails;

import java.util.List;

/** A startup with its contacts (sorted by name); {@code website} is null when not known. */
public record StartupResponse(String id, String name, String website, List<ContactResponse> contacts) {
    static StartupResponse of(StartupDetails d) {
        return new StartupResponse(d.startup().id().toString(), d.startup().name(), d.startup().website(),
                d.contacts().stream().map(ContactResponse::of).toList());
    }
}

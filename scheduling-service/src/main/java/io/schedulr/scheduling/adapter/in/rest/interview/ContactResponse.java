package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.domain.interview.Contact;

/** A startup's contact; {@code role} is null when not known. */
public record ContactResponse(String id, String startupId, String name, String email, String role) {
    static ContactResponse of(Contact c) {
        return new ContactResponse(c.id().toString(), c.startupId().toString(), c.name(), c.email(), c.role());
    }
}

package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Contact;
import io.smallrye.mutiny.Uni;

/** 404 {@code startup_not_found}; an email another contact of the startup has is 409 {@code contact_email_taken}. */
public interface AddContactUseCase {
    Uni<Contact> add(AddContactCommand command);
}

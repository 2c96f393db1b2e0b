package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Contact;
import io.smallrye.mutiny.Uni;

/**
 * 404 {@code contact_not_found} (also for a contact of another startup); 409 {@code contact_email_taken} for an address
 * another contact of the startup has (without regard to case).
 */
public interface EditContactUseCase {
    Uni<Contact> edit(EditContactCommand command);
}

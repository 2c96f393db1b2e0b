package io.schedulr.scheduling.application.port.in.interview;

import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.Contact;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.UUID;

/** Startups and their contacts, for every signed-in person. */
public interface StartupQueriesUseCase {
    /** Sorted by name, each with its contacts. */
    Uni<List<StartupDetails>> search(Actor viewer, StartupSearch search);

    /** 404 {@code startup_not_found} when there is no such startup. */
    Uni<StartupDetails> get(Actor viewer, UUID startupId);

    /** 404 {@code startup_not_found} when there is no such startup. */
    Uni<List<Contact>> contacts(Actor viewer, UUID startupId);
}

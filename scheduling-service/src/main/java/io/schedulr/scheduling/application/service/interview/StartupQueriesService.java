package io.schedulr.scheduling.application.service.interview;

import io.schedulr.scheduling.application.port.in.interview.StartupDetails;
import io.schedulr.scheduling.application.port.in.interview.StartupQueriesUseCase;
import io.schedulr.scheduling.application.port.in.interview.StartupSearch;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.interview.ContactStore;
import io.schedulr.scheduling.application.port.out.interview.StartupStore;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.Contact;
import io.schedulr.scheduling.domain.interview.Startup;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Searches and reads startups with their contacts; refreshes the caller's profile from the token first. */
public class StartupQueriesService implements StartupQueriesUseCase {
    private final UnitOfWork tx;
    private final UserDirectoryPort users;
    private final StartupStore startups;
    private final ContactStore contacts;

    public StartupQueriesService(UnitOfWork tx, UserDirectoryPort users, StartupStore startups, ContactStore contacts) {
        this.tx = tx;
        this.users = users;
        this.startups = startups;
        this.contacts = contacts;
    }

    static NotFoundException notFound(UUID id) {
        return new NotFoundException("startup_not_found", "No startup " + id + ".");
    }

    @Override
    public Uni<List<StartupDetails>> search(Actor viewer, StartupSearch search) {
        return tx.inTransaction(() -> users.upsert(viewer.person())
                .chain(() -> startups.search(search.text(), search.limit(), search.offset()))
                .chain(found -> contacts.listOf(found.stream().map(Startup::id).toList()).map(all -> {
                    Map<UUID, List<Contact>> byStartup = all.stream().collect(Collectors.groupingBy(Contact::startupId));
                    return found.stream().map(s -> new StartupDetails(s, byStartup.getOrDefault(s.id(), List.of()))).toList();
                })));
    }

    @Override
    public Uni<StartupDetails> get(Actor viewer, UUID startupId) {
        return tx.inTransaction(() -> users.upsert(viewer.person())
                .chain(() -> startups.find(startupId))
                .map(found -> found.orElseThrow(() -> notFound(startupId)))
                .chain(startup -> contacts.listOf(startup.id()).map(list -> new StartupDetails(startup, list))));
    }

    @Override
    public Uni<List<Contact>> contacts(Actor viewer, UUID startupId) {
        return get(viewer, startupId).map(StartupDetails::contacts);
    }
}

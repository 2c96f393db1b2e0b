package io.schedulr.scheduling.adapter.out.persistence.interview;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.application.port.out.interview.StartupStore;
import io.schedulr.scheduling.domain.ConflictException;
import io.schedulr.scheduling.domain.NotFoundException;
import io.schedulr.scheduling.domain.interview.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** startup rows through their Panache entity, in the session (and transaction) of the caller. */
@ApplicationScoped
public class PanacheStartupStore implements StartupStore {
    static final String NAME_INDEX = "startup_name_unique";
    /** PostgreSQL's names for the foreign keys of interview.startup_id (V8) and startup_contact.startup_id (V7). */
    static final String INTERVIEW_STARTUP_KEY = "interview_startup_id_fkey";
    static final String CONTACT_STARTUP_KEY = "startup_contact_startup_id_fkey";

    @Inject
    Clock clock;

    @Override
    public Uni<Optional<Startup>> find(UUID id) {
        return Panache.getSession().chain(s -> s.find(StartupEntity.class, id)).map(e -> Optional.ofNullable(e).map(PanacheStartupStore::toDomain));
    }

    @Override
    public Uni<Optional<Startup>> findByName(String name) {
        return StartupEntity.<StartupEntity>find("lower(name) = ?1", name.strip().toLowerCase(Locale.ROOT)).firstResult()
                .map(e -> Optional.ofNullable(e).map(PanacheStartupStore::toDomain));
    }

    @Override
    public Uni<List<Startup>> search(String text, int limit, int offset) {
        var query = text == null || text.isBlank() ? StartupEntity.<StartupEntity>find("order by lower(name), id")
                : StartupEntity.<StartupEntity>find("lower(name) like ?1 escape '\\' order by lower(name), id",
                "%" + UniqueViolations.likeEscaped(text.strip().toLowerCase(Locale.ROOT)) + "%");
        return query.range(offset, offset + limit - 1).list().map(list -> list.stream().map(PanacheStartupStore::toDomain).toList());
    }

    @Override
    public Uni<Startup> add(Startup startup) {
        StartupEntity e = new StartupEntity();
        e.id = startup.id();
        e.name = startup.name();
        e.website = startup.website();
        e.updatedAt = clock.instant();
        return Panache.getSession().chain(s -> s.persist(e).chain(s::flush))
                .onFailure(f -> UniqueViolations.of(f, NAME_INDEX))
                .transform(f -> nameTaken())
                .replaceWith(startup);
    }

    @Override
    public Uni<Startup> update(Startup startup) {
        return Panache.getSession().chain(s -> s.find(StartupEntity.class, startup.id())
                        .chain(e -> {
                            if (e == null) {
                                throw new NotFoundException("startup_not_found", "No startup " + startup.id() + ".");
                            }
                            e.name = startup.name();
                            e.website = startup.website();
                            e.updatedAt = clock.instant();
                            return s.flush();
                        }))
                .onFailure(f -> UniqueViolations.of(f, NAME_INDEX))
                .transform(f -> nameTaken())
                .replaceWith(startup);
    }

    /** An interview or contact that came to name the startup after the caller asked (a race) keeps it: their foreign keys refuse. */
    @Override
    public Uni<Void> remove(Startup startup) {
        return Panache.getSession().chain(s -> s.find(StartupEntity.class, startup.id())
                        .chain(e -> e == null ? Uni.createFrom().voidItem() : s.remove(e).chain(s::flush)))
                .onFailure(f -> UniqueViolations.referenced(f, INTERVIEW_STARTUP_KEY) || UniqueViolations.referenced(f, CONTACT_STARTUP_KEY))
                .transform(f -> new ConflictException("startup_in_use", startup.name() + " is named by an interview or a new contact now, so it stays."))
                .replaceWithVoid();
    }

    static Startup toDomain(StartupEntity e) {
        return new Startup(e.id, e.name, e.website);
    }

    private static ConflictException nameTaken() {
        return new ConflictException("startup_name_taken", "A startup with this name exists already.");
    }
}

package io.schedulr.scheduling.application.port.out.interview;

import io.schedulr.scheduling.domain.interview.Startup;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Optional;

import java.util.UUID;

/**
 * Startups, read and written in the caller's transaction. Names are unique without regard to case: {@link #add} fails
 * with {@code ConflictException("startup_name_taken")} when another startup has it.
 */
public interface StartupStore {
    Uni<Optional<Startup>> find(UUID id);

    /** The startup with this name, compared without regard to case. */
    Uni<Optional<Startup>> findByName(String name);

    /**
     * Startups whose name contains {@code text} without regard to case (all of them when it is null or blank), sorted by
     * name then id; a page of at most {@code limit} from {@code offset}.
     */
    Uni<List<Startup>> search(String text, int limit, int offset);

    Uni<Startup> add(Startup startup);

    /** Writes the startup's name and website; another startup's name fails with {@code ConflictException("startup_name_taken")}. */
    Uni<Startup> update(Startup startup);

    /** Deletes the startup's row (its contacts are removed first). */
    Uni<Void> remove(Startup startup);
}

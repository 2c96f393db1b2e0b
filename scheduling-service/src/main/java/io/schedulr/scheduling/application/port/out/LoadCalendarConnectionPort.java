package io.schedulr.scheduling.application.port.out;

import io.schedulr.scheduling.domain.CalendarConnection;
import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public interface LoadCalendarConnectionPort {
    /** The person's last known connection state, in the caller's transaction; empty if none was ever announced. One key lookup. */
    Uni<Optional<CalendarConnection>> load(String userId);

    /**
     * {@link #load} for several people, by user id; a person with no state announced is absent. This default asks one
     * person after the other; a store that can look them all up at once does so.
     */
    default Uni<Map<String, CalendarConnection>> loadAll(Collection<String> userIds) {
        Map<String, CalendarConnection> known = new HashMap<>();
        Uni<Void> loaded = Uni.createFrom().voidItem();
        for (String userId : userIds) {
            loaded = loaded.chain(() -> load(userId)).invoke(found -> found.ifPresent(c -> known.put(userId, c))).replaceWithVoid();
        }
        return loaded.map(ignored -> known);
    }
}

package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.adapter.out.SessionConnection;
import io.schedulr.scheduling.application.port.out.ChooseTimeZonePort;
import io.schedulr.scheduling.application.port.out.ChosenTimeZonePort;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * users, the profiles of people as their sign-in tokens last said, in plain SQL on the use case's session connection
 * ({@link SessionConnection}). No entity: nothing here is changed through the session.
 */
@ApplicationScoped
public class SqlUserDirectory implements UserDirectoryPort, ChooseTimeZonePort, ChosenTimeZonePort {
    /** A zone the person set stays; otherwise the token's ($4) when it states one, else the one kept. */
    private static final String ZONE_AFTER = "CASE WHEN time_zone_chosen THEN time_zone ELSE COALESCE(CAST($4 AS text), time_zone) END";
    private final CommittedProfiles committed;

    SqlUserDirectory(CommittedProfiles committed) {
        this.committed = committed;
    }

    /**
     * Creates or refreshes the row without locking it when nothing changed. ({@code ON CONFLICT DO UPDATE} would lock
     * the row even when its WHERE is false, and every request of one person would then wait for the previous one's
     * transaction to end.) A profile this service has already written and seen committed a moment ago is not written
     * again ({@link CommittedProfiles}).
     */
    @Override
    public Uni<UserProfile> upsert(UserProfile user) {
        if (committed.isCommitted(user)) {
            return Uni.createFrom().item(user);
        }
        return Panache.getSession().chain(s -> SessionConnection.update(
                                "WITH changed AS (UPDATE users SET email = $2, display_name = $3, time_zone = " + ZONE_AFTER + ", "
                                        + "updated_at = now() WHERE id = $1 AND (email, display_name, time_zone) IS DISTINCT FROM "
                                        + "(CAST($2 AS text), CAST($3 AS text), " + ZONE_AFTER + ")) "
                                        + "INSERT INTO users (id, email, display_name, time_zone) VALUES ($1, $2, $3, COALESCE(CAST($4 AS text), 'UTC')) "
                                        + "ON CONFLICT (id) DO NOTHING", user.id(), user.email(), user.displayName(), user.timeZone())
                        .invoke(() -> committed.written(s, user)))
                .replaceWith(user);
    }

    @Override
    public Uni<Boolean> chooseTimeZone(String userId, String zone) {
        return SessionConnection.update("UPDATE users SET time_zone = $2, time_zone_chosen = true, updated_at = now() "
                + "WHERE id = $1 AND NOT (time_zone_chosen AND time_zone = $2)", userId, zone).map(rows -> rows > 0);
    }

    /**
     * {@code FOR SHARE}: a choice being made meanwhile (its {@code UPDATE} holds the row) is waited for and then read, and one
     * made after waits for this transaction; either way the announcement committed last carries the last choice. The row
     * is locked by its id alone and the choice read from the row locked: a condition on {@code time_zone_chosen} would be
     * judged on the row before a first choice and pass it by without waiting.
     */
    @Override
    public Uni<Optional<String>> chosenTimeZone(String userId) {
        return SessionConnection.select("SELECT CASE WHEN time_zone_chosen THEN time_zone END FROM users WHERE id = $1 FOR SHARE", userId)
                .map(rows -> rows.stream().findFirst().map(row -> (String) row[0]));
    }

    @Override
    public Uni<Map<String, UserProfile>> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> distinct = ids.stream().distinct().toList();
        return SessionConnection.select(profilesOf(distinct.size()), SessionConnection.isInValues(distinct))
                .map(rows -> {
                    Map<String, UserProfile> found = new HashMap<>();
                    for (Object[] row : rows) {
                        found.put((String) row[0], new UserProfile((String) row[0], (String) row[1], (String) row[2], (String) row[3]));
                    }
                    return found;
                });
    }

    static String profilesOf(int people) {
        return "SELECT id, email, display_name, time_zone FROM users WHERE " + SessionConnection.isIn("id", 1, people);
    }

    @Override
    public Uni<Map<String, String>> idsByAddress(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> addresses = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        return SessionConnection.select("SELECT lower(email), id FROM users WHERE " + SessionConnection.isIn("lower(email)", 1, addresses.size()),
                        SessionConnection.isInValues(addresses))
                .map(rows -> {
                    Map<String, String> ids = new java.util.LinkedHashMap<>();
                    rows.forEach(row -> ids.put((String) row[0], (String) row[1]));
                    return ids;
                });
    }
}

package io.schedulr.scheduling.adapter.out.persistence;

import io.schedulr.scheduling.domain.UserProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The people's profiles this service has written to {@code users} and seen committed in the last {@code max-age}, so
 * that the refresh every request does ({@link SqlUserDirectory#upsert}) can skip a write that would change nothing
 * (issue 18: no per-request work that does not change the answer). A profile counts only once the transaction that
 * wrote it has committed: one that rolled back (a refused booking of a new person) leaves nothing behind, and the next
 * request writes the row again. Only the very profile last committed for a person counts, so a changed name, address or
 * zone is always written, and so is the older profile again after it.
 */
@ApplicationScoped
public class CommittedProfiles {
    /** Profiles written in a transaction that has not ended yet, by its session (weakly: a lost session is forgotten). */
    private final Map<Object, List<UserProfile>> pending = Collections.synchronizedMap(new WeakHashMap<>());
    /** By person id: the profile last committed here, until when it counts. */
    private final Map<String, Committed> committed = new ConcurrentHashMap<>();
    private final int maxSize;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    CommittedProfiles(@ConfigProperty(name = "schedulr.users.committed-profiles.max-size", defaultValue = "10000") int maxSize,
                      @ConfigProperty(name = "schedulr.users.committed-profiles.max-age", defaultValue = "PT1M") Duration maxAge) {
        this(maxSize, maxAge, Clock.systemUTC());
    }

    CommittedProfiles(int maxSize, Duration maxAge, Clock clock) {
        this.maxSize = maxSize;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Whether exactly this profile was written and committed here within {@code max-age}. */
    boolean isCommitted(UserProfile profile) {
        Committed last = committed.get(profile.id());
        if (last == null || !last.profile().equals(profile)) {
            return false;
        }
        if (clock.millis() >= last.untilMillis()) {
            committed.remove(profile.id(), last);
            return false;
        }
        return true;
    }

    /** {@code profile} was written in the transaction of {@code session}, which has not ended yet. */
    void written(Object session, UserProfile profile) {
        if (maxSize > 0) {
            pending.computeIfAbsent(session, s -> Collections.synchronizedList(new ArrayList<>())).add(profile);
        }
    }

    /** The transaction of {@code session} committed: what it wrote counts from now on. */
    void committed(Object session) {
        List<UserProfile> written = session == null ? null : pending.remove(session);
        if (written == null) {
            return;
        }
        long until = clock.millis() + maxAge.toMillis();
        if (committed.size() + written.size() > maxSize) {
            committed.clear();
        }
        written.forEach(p -> committed.put(p.id(), new Committed(p, until)));
    }

    /** The transaction of {@code session} failed or rolled back: what it wrote does not count. */
    void discarded(Object session) {
        if (session != null) {
            pending.remove(session);
        }
    }

    private record Committed(UserProfile profile, long untilMillis) {
    }
}

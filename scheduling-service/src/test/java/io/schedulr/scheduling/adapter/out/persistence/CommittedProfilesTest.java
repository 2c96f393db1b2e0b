package io.schedulr.scheduling.adapter.out.persistence;

import io.schedulr.scheduling.domain.UserProfile;
import io.schedulr.testsupport.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CommittedProfilesTest {
    private static final UserProfile ALICE = new UserProfile("alice", "alice@example.com", "Alice", "UTC");
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final CommittedProfiles profiles = new CommittedProfiles(10, Duration.ofMinutes(1), clock);
    private final Object session = new Object();

    @Test
    void aProfileCountsOnlyOnceItsTransactionCommitted() {
        profiles.written(session, ALICE);
        assertThat(profiles.isCommitted(ALICE)).isFalse();

        profiles.committed(session);

        assertThat(profiles.isCommitted(ALICE)).isTrue();
    }

    @Test
    void aRolledBackProfileNeverCounts() {
        profiles.written(session, ALICE);
        profiles.discarded(session);
        profiles.committed(session);

        assertThat(profiles.isCommitted(ALICE)).isFalse();
    }

    @Test
    void anotherNameOrZoneIsAnotherProfile() {
        profiles.written(session, ALICE);
        profiles.committed(session);

        assertThat(profiles.isCommitted(new UserProfile("alice", "alice@example.com", "Alice B", "UTC"))).isFalse();
        assertThat(profiles.isCommitted(new UserProfile("alice", "alice@example.com", "Alice", "Europe/Paris"))).isFalse();
    }

    @Test
    void onlyTheProfileLastCommittedForAPersonCounts() {
        UserProfile renamed = new UserProfile("alice", "alice@example.com", "Alice B", "UTC");
        profiles.written(session, ALICE);
        profiles.committed(session);
        Object next = new Object();
        profiles.written(next, renamed);
        profiles.committed(next);

        assertThat(profiles.isCommitted(renamed)).isTrue();
        assertThat(profiles.isCommitted(ALICE)).isFalse();
    }

    @Test
    void aCommittedProfileIsWrittenAgainAfterMaxAge() {
        profiles.written(session, ALICE);
        profiles.committed(session);

        clock.advance(Duration.ofMinutes(1));

        assertThat(profiles.isCommitted(ALICE)).isFalse();
    }

    @Test
    void sizeZeroRemembersNothing() {
        CommittedProfiles none = new CommittedProfiles(0, Duration.ofMinutes(1), clock);
        none.written(session, ALICE);
        none.committed(session);

        assertThat(none.isCommitted(ALICE)).isFalse();
    }
}

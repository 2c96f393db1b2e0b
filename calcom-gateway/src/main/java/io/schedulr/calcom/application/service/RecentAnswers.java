package io.schedulr.calcom.application.service;

import io.smallrye.mutiny.Uni;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Cal.com's answers to one kind of question, kept by key for {@code freshFor} so that asking again within it spends none
 * of the API key's 120 requests a minute (the whole platform shares them). Only answers are kept, never failures; a zero
 * {@code freshFor} keeps nothing. At most {@code maxKeys} keys are kept: past that the oldest answers are all dropped.
 */
final class RecentAnswers<K, V> {
    private record Kept<V>(V value, Instant askedAt) {
    }

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration freshFor;
    private final int maxKeys;

    RecentAnswers(Clock clock, Duration freshFor, int maxKeys) {
        this.clock = clock;
        this.freshFor = freshFor;
        this.maxKeys = maxKeys;
    }

    Uni<V> get(K key, Supplier<Uni<V>> ask) {
        return Uni.createFrom().deferred(() -> {
            Instant now = clock.instant();
            Kept<V> known = kept.get(key);
            if (known != null && now.isBefore(known.askedAt().plus(freshFor))) {
                return Uni.createFrom().item(known.value());
            }
            return ask.get().invoke(value -> keep(key, new Kept<>(value, now)));
        });
    }

    private void keep(K key, Kept<V> answer) {
        if (freshFor.isZero() || freshFor.isNegative()) {
            return;
        }
        if (kept.size() >= maxKeys && !kept.containsKey(key)) {
            kept.clear();
        }
        kept.put(key, answer);
    }
}

package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.in.LiveRoomChange;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How far into each partition of the feed a client has seen: partition → the last offset it has (everything up to it
 * was sent to it, or was not for its eyes, or was already in what it listed). Each partition is read in the same order
 * on every replica, so this is a resume point any replica can understand, unlike "after change X", which depends on the
 * order in which one replica happened to interleave the partitions.
 *
 * <p>Written as {@code v1:<partition>=<offset>,…}, which the client keeps as the opaque SSE id.
 */
final class FeedPosition {
    static final FeedPosition NONE = new FeedPosition(Map.of());

    private static final String PREFIX = "v1:";
    /** Far more than any real topic's partitions need; a longer id is not ours. */
    private static final int MAX_LENGTH = 4096;

    private final Map<Integer, Long> offsets;
    /** {@link #encode()}, once asked: a change's position is encoded once for all its watchers. */
    private String encoded;

    private FeedPosition(Map<Integer, Long> offsets) {
        this.offsets = Collections.unmodifiableMap(new TreeMap<>(offsets));
    }

    static FeedPosition of(Map<Integer, Long> offsets) {
        return new FeedPosition(offsets);
    }

    /** The position this id names; empty when it is not one of ours (an id from before, or garbage). */
    static Optional<FeedPosition> parse(String id) {
        if (id == null || id.length() > MAX_LENGTH || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String body = id.substring(PREFIX.length());
        Map<Integer, Long> offsets = new TreeMap<>();
        if (body.isEmpty()) {
            return Optional.of(NONE);
        }
        try {
            for (String pair : body.split(",", -1)) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    return Optional.empty();
                }
                int partition = Integer.parseInt(pair.substring(0, eq));
                long offset = Long.parseLong(pair.substring(eq + 1));
                if (partition < 0 || offset < -1 || offsets.put(partition, offset) != null) {
                    return Optional.empty();
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new FeedPosition(offsets));
    }

    String encode() {
        String id = encoded;
        if (id == null) {
            id = offsets.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", PREFIX, ""));
            encoded = id;
        }
        return id;
    }

    Set<Integer> partitions() {
        return offsets.keySet();
    }

    /** The last offset seen in this partition; null when the partition is not part of this position. */
    Long offsetIn(int partition) {
        return offsets.get(partition);
    }

    /** Whether a change at this place was already seen. */
    boolean covers(LiveRoomChange.Position at) {
        Long seen = offsets.get(at.partition());
        return seen != null && at.offset() <= seen;
    }

    /** Everything seen in either (one of the two itself when it has seen all the other has: the usual case). */
    FeedPosition merge(FeedPosition other) {
        if (other.includes(this)) {
            return other;
        }
        if (includes(other)) {
            return this;
        }
        Map<Integer, Long> merged = new TreeMap<>(offsets);
        other.offsets.forEach((partition, offset) -> merged.merge(partition, offset, Math::max));
        return new FeedPosition(merged);
    }

    private boolean includes(FeedPosition other) {
        for (Map.Entry<Integer, Long> e : other.offsets.entrySet()) {
            Long mine = offsets.get(e.getKey());
            if (mine == null || mine < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedPosition other && offsets.equals(other.offsets);
    }

    @Override
    public int hashCode() {
        return offsets.hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}

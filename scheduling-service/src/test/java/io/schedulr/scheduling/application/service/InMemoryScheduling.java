package io.schedulr.scheduling.application.service;

import io.schedulr.scheduling.application.port.out.AppendOutboxPort;
import io.schedulr.scheduling.application.port.out.AuditTrailPort;
import io.schedulr.scheduling.application.port.out.ListRoomsPort;
import io.schedulr.scheduling.application.port.out.ListSlotsPort;
import io.schedulr.scheduling.application.port.out.LoadCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.LoadRoomPort;
import io.schedulr.scheduling.application.port.out.LoadSlotPort;
import io.schedulr.scheduling.application.port.out.SaveCalendarConnectionPort;
import io.schedulr.scheduling.application.port.out.SaveRoomPort;
import io.schedulr.scheduling.application.port.out.SaveSlotPort;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UserDirectoryPort;
import io.schedulr.scheduling.application.port.out.VideoRoomProvider;
import io.schedulr.scheduling.domain.CalendarConnection;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.schedulr.scheduling.domain.PracticeRoom;
import io.schedulr.scheduling.domain.RoomChange;
import io.schedulr.scheduling.domain.RoomId;
import io.schedulr.scheduling.domain.Slot;
import io.schedulr.scheduling.domain.SlotConflictException;
import io.schedulr.scheduling.domain.SlotId;
import io.schedulr.scheduling.domain.SlotStatus;
import io.schedulr.scheduling.domain.TimeWindow;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every outbound port of scheduling in memory, with the same promises as the PostgreSQL adapters: a transaction
 * commits all or nothing, and a write at a stale version loses the race and runs the work again.
 */
public final class InMemoryScheduling implements UnitOfWork, UserDirectoryPort, LoadRoomPort, ListRoomsPort, SaveRoomPort, LoadSlotPort,
        ListSlotsPort, SaveSlotPort, AppendOutboxPort, AuditTrailPort, VideoRoomProvider, LoadCalendarConnectionPort,
        SaveCalendarConnectionPort, io.schedulr.scheduling.application.port.out.ChooseTimeZonePort {

    public record AuditRow(String actor, String action, Object before, Object after) {
    }

    private static final class LostRace extends RuntimeException {
    }

    private State state = new State();
    /** What is committed while a transaction works on {@code state}. */
    private State committed = state;
    final List<UUID> videoRooms = new ArrayList<>();
    final List<UUID> releasedVideoRooms = new ArrayList<>();
    /** Runs once, inside the next write, as another transaction that committed just before it. */
    Runnable concurrentWrite;
    int transactions;
    /** Whether a transaction is open now: what a remote call must never find. */
    boolean inTransaction;
    /** Reading sessions opened so far, and how many are open now. */
    int readingSessions;
    int readingOpen;

    private static final class State {
        final Map<String, UserProfile> users = new HashMap<>();
        /** Whose zone the person set (kept over a token's). */
        final java.util.Set<String> zonesChosen = new java.util.HashSet<>();
        final Map<RoomId, PracticeRoom> rooms = new LinkedHashMap<>();
        final Map<SlotId, Slot> slots = new LinkedHashMap<>();
        final List<RoomChange> outbox = new ArrayList<>();
        final List<AuditRow> audit = new ArrayList<>();
        final Map<String, CalendarConnection> connections = new HashMap<>();

        State copy() {
            State c = new State();
            c.users.putAll(users);
            c.zonesChosen.addAll(zonesChosen);
            c.rooms.putAll(rooms);
            c.slots.putAll(slots);
            c.outbox.addAll(outbox);
            c.audit.addAll(audit);
            c.connections.putAll(connections);
            return c;
        }
    }

    List<RoomChange> outbox() {
        return List.copyOf(state.outbox);
    }

    List<AuditRow> audit() {
        return List.copyOf(state.audit);
    }

    Map<RoomId, PracticeRoom> rooms() {
        return Map.copyOf(state.rooms);
    }

    Map<SlotId, Slot> slots() {
        return Map.copyOf(state.slots);
    }

    void putRoom(PracticeRoom room) {
        state.rooms.put(room.id(), room);
    }

    void putSlot(Slot slot) {
        state.slots.put(slot.id(), slot);
    }

    Map<String, CalendarConnection> calendarConnections() {
        return Map.copyOf(state.connections);
    }

    void putUser(UserProfile user) {
        state.users.put(user.id(), user);
    }

    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        for (int attempt = 0; attempt <= 4; attempt++) {
            committed = state;
            state = committed.copy();
            transactions++;
            inTransaction = true;
            try {
                T result = work.get().await().indefinitely();
                committed = state;
                return Uni.createFrom().item(result);
            } catch (LostRace e) {
                state = committed;
            } catch (RuntimeException e) {
                state = committed;
                return Uni.createFrom().failure(e);
            } finally {
                inTransaction = false;
            }
        }
        return Uni.createFrom().failure(new ConcurrentChangeException());
    }

    /** Reads what is committed, with no transaction open; counted, and open from subscription to the end, as a session is. */
    @Override
    public <T> Uni<T> reading(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            readingSessions++;
            readingOpen++;
            return work.get();
        }).onTermination().invoke(() -> readingOpen--);
    }

    @Override
    public Uni<UserProfile> upsert(UserProfile user) {
        UserProfile kept = state.users.get(user.id());
        String zone = kept != null && (state.zonesChosen.contains(user.id()) || user.timeZone() == null) ? kept.timeZone()
                : user.timeZone() == null ? "UTC" : user.timeZone();
        state.users.put(user.id(), new UserProfile(user.id(), user.email(), user.displayName(), zone));
        return Uni.createFrom().item(user);
    }

    @Override
    public Uni<Boolean> chooseTimeZone(String userId, String zone) {
        UserProfile kept = state.users.get(userId);
        boolean changed = !(state.zonesChosen.contains(userId) && zone.equals(kept.timeZone()));
        state.users.put(userId, new UserProfile(userId, kept.email(), kept.displayName(), zone));
        state.zonesChosen.add(userId);
        return Uni.createFrom().item(changed);
    }

    @Override
    public Uni<Map<String, String>> idsByAddress(Collection<String> emails) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        state.users.values().stream().filter(u -> emails.stream().anyMatch(e -> e.equalsIgnoreCase(u.email())))
                .forEach(u -> ids.put(u.email().toLowerCase(java.util.Locale.ROOT), u.id()));
        return Uni.createFrom().item(ids);
    }

    @Override
    public Uni<Map<String, UserProfile>> findAll(Collection<String> ids) {
        Map<String, UserProfile> found = new HashMap<>();
        ids.forEach(id -> Optional.ofNullable(state.users.get(id)).ifPresent(u -> found.put(id, u)));
        return Uni.createFrom().item(found);
    }

    @Override
    public Uni<Optional<PracticeRoom>> load(RoomId roomId) {
        return Uni.createFrom().item(Optional.ofNullable(state.rooms.get(roomId)));
    }

    @Override
    public Uni<List<PracticeRoom>> listOpen(String viewer, Instant now, int limit, int offset) {
        return Uni.createFrom().item(state.rooms.values().stream()
                .filter(r -> !r.isBooked() && r.isVisibleTo(viewer) && r.start().isAfter(now) && !r.hostId().equals(viewer))
                .sorted(SOONEST).skip(offset).limit(limit).toList());
    }

    @Override
    public Uni<java.util.Set<RoomId>> hostBookedThen(java.util.Collection<PracticeRoom> rooms) {
        return Uni.createFrom().item(rooms.stream().filter(room -> state.rooms.values().stream().anyMatch(other -> other.isBooked()
                        && !other.id().equals(room.id()) && other.isParticipant(room.hostId()) && other.window().overlaps(room.window())))
                .map(PracticeRoom::id).collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    public Uni<List<PracticeRoom>> listUpcomingOf(String userId, Instant now, int limit, int offset) {
        return Uni.createFrom().item(state.rooms.values().stream().filter(r -> r.isParticipant(userId) && r.window().end().isAfter(now))
                .sorted(SOONEST).skip(offset).limit(limit).toList());
    }

    @Override
    public Uni<List<PracticeRoom>> listPastOf(String userId, Instant now, int limit, int offset) {
        return Uni.createFrom().item(state.rooms.values().stream().filter(r -> r.isParticipant(userId) && !r.window().end().isAfter(now))
                .sorted(SOONEST.reversed()).skip(offset).limit(limit).toList());
    }

    private static final Comparator<PracticeRoom> SOONEST = Comparator.comparing(PracticeRoom::start)
            .thenComparing(r -> r.id().value());

    @Override
    public Uni<PracticeRoom> insert(PracticeRoom room) {
        state.rooms.put(room.id(), room);
        return Uni.createFrom().item(room);
    }

    @Override
    public Uni<PracticeRoom> update(PracticeRoom changed) {
        raceIfScheduled();
        PracticeRoom stored = state.rooms.get(changed.id());
        if (stored == null || stored.version() != changed.version()) {
            throw new LostRace();
        }
        PracticeRoom next = changed.atVersion(changed.version() + 1);
        state.rooms.put(next.id(), next);
        return Uni.createFrom().item(next);
    }

    @Override
    public Uni<Void> delete(PracticeRoom room) {
        raceIfScheduled();
        PracticeRoom stored = state.rooms.get(room.id());
        if (stored == null || stored.version() != room.version()) {
            throw new LostRace();
        }
        state.rooms.remove(room.id());
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<Slot>> load(SlotId slotId) {
        return Uni.createFrom().item(Optional.ofNullable(state.slots.get(slotId)));
    }

    @Override
    public Uni<Optional<Slot>> findByRoom(RoomId roomId) {
        return Uni.createFrom().item(state.slots.values().stream().filter(s -> roomId.equals(s.roomId())).findFirst());
    }

    @Override
    public Uni<Boolean> openSlotOverlaps(String hostId, TimeWindow window) {
        return Uni.createFrom().item(state.slots.values().stream()
                .anyMatch(s -> s.status() == SlotStatus.OPEN && s.isHost(hostId) && s.window().overlaps(window)));
    }

    @Override
    public Uni<List<Slot>> listOpen(String viewerId, Instant from, Instant to, int limit, int offset) {
        return Uni.createFrom().item(state.slots.values().stream()
                .filter(s -> s.status() == SlotStatus.OPEN && !s.isHost(viewerId) && !s.window().start().isBefore(from)
                        && (to == null || s.window().start().isBefore(to)) && !bookedThen(s.hostId(), s.window()))
                .sorted(Comparator.comparing(s -> s.window().start())).skip(offset).limit(limit).toList());
    }

    /** The person has a booked session overlapping the window. */
    private boolean bookedThen(String person, TimeWindow window) {
        return state.rooms.values().stream().anyMatch(r -> r.isBooked() && r.isParticipant(person) && r.window().overlaps(window));
    }

    @Override
    public Uni<List<Slot>> listOf(String hostId, SlotStatus status, Instant from, Instant to, int limit, int offset) {
        return Uni.createFrom().item(state.slots.values().stream()
                .filter(s -> s.isHost(hostId) && (status == null || s.status() == status)
                        && (from == null || !s.window().start().isBefore(from)) && (to == null || s.window().start().isBefore(to)))
                .sorted(Comparator.comparing(s -> s.window().start())).skip(offset).limit(limit).toList());
    }

    @Override
    public Uni<List<Slot>> insertAll(List<Slot> slots) {
        for (Slot s : slots) {
            boolean overlaps = state.slots.values().stream().anyMatch(o -> o.isHost(s.hostId()) && o.status() == SlotStatus.OPEN
                    && o.window().start().isBefore(s.window().end()) && s.window().start().isBefore(o.window().end()));
            if (overlaps) {
                throw new SlotConflictException("slot_overlaps", "These times overlap another open slot of yours.");
            }
            state.slots.put(s.id(), s);
        }
        return Uni.createFrom().item(slots);
    }

    @Override
    public Uni<Slot> update(Slot changed) {
        raceIfScheduled();
        Slot stored = state.slots.get(changed.id());
        if (stored == null || stored.version() != changed.version()) {
            throw new LostRace();
        }
        Slot next = new Slot(changed.id(), changed.hostId(), changed.window(), changed.status(), changed.roomId(), changed.createdAt(),
                changed.updatedAt(), changed.version() + 1);
        state.slots.put(next.id(), next);
        return Uni.createFrom().item(next);
    }

    @Override
    public Uni<Void> append(RoomChange change) {
        state.outbox.add(change);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> record(String actorId, String action, PracticeRoom before, PracticeRoom after) {
        state.audit.add(new AuditRow(actorId, action, before, after));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> recordSlot(String actorId, String action, Slot before, Slot after) {
        state.audit.add(new AuditRow(actorId, action, before, after));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> recordEntity(String actorId, String action, String entityType, String entityId, Object before, Object after) {
        state.audit.add(new AuditRow(actorId, action, before, after));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Optional<CalendarConnection>> load(String userId) {
        return Uni.createFrom().item(Optional.ofNullable(state.connections.get(userId)));
    }

    @Override
    public Uni<Boolean> saveUnlessOlder(CalendarConnection connection) {
        if (!connection.supersedes(state.connections.get(connection.userId()))) {
            return Uni.createFrom().item(false);
        }
        state.connections.put(connection.userId(), connection);
        return Uni.createFrom().item(true);
    }

    @Override
    public Uni<String> createRoom(UUID roomId) {
        videoRooms.add(roomId);
        return Uni.createFrom().item("https://video.test/" + roomId);
    }

    @Override
    public Uni<Void> releaseRoom(UUID roomId) {
        releasedVideoRooms.add(roomId);
        return Uni.createFrom().voidItem();
    }

    /**
     * Lets the scheduled other transaction commit now, between this one's read and its write: this write then loses
     * the race, as a version check would make it, and the work runs again on the state the other one committed.
     */
    private void raceIfScheduled() {
        Runnable race = concurrentWrite;
        if (race == null) {
            return;
        }
        concurrentWrite = null;
        State mine = state;
        state = committed;
        race.run();
        state = mine;
        throw new LostRace();
    }
}

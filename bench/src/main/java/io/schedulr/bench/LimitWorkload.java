package io.schedulr.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bookings straight over JDBC against the same PostgreSQL, two ways. {@link Worker#bookMinimal} is the limit issue 18
 * fixes: the minimal transaction that books a room correctly — the guarded UPDATE, the outbox row (jsonb, with a NOTIFY
 * trigger) and the audit row (two jsonb) — as one CTE statement, one round trip, one commit. {@link Worker#book} is the
 * SQL the service's booking executes today, statement by statement in one transaction — refresh the caller's profile,
 * read the room, version-checked conditional update, read host and guest, the outbox row, the audit row — shown beside
 * it to say how much of the gap is the service's SQL and how much its own CPU. Both run on copies of the service's
 * tables in a schema of their own ({@code bench_limit}, same columns, indexes, checks, foreign keys), so nothing reaches
 * the relay, Kafka or mail. The jsonb payloads are real ones taken from the service's outbox and audit log, so the row
 * sizes match.
 */
final class LimitWorkload {
    private static final String SCHEMA = "bench_limit";
    private static final String HOST = "limit-host";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private String outboxPayload;
    private String auditBefore;
    private String auditAfter;
    private String eventType;

    LimitWorkload(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Copies the tables and inserts {@code rooms} free rooms of one host and {@code guests} guests ("limit-guest-N"). */
    List<UUID> prepare(int rooms, int guests) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
            for (String table : List.of("users", "practice_rooms", "outbox", "audit_log")) {
                s.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
            s.execute("ALTER TABLE " + SCHEMA + ".practice_rooms ADD FOREIGN KEY (host_id) REFERENCES " + SCHEMA + ".users (id)");
            s.execute("ALTER TABLE " + SCHEMA + ".practice_rooms ADD FOREIGN KEY (guest_id) REFERENCES " + SCHEMA + ".users (id)");
            // Same trigger as the service's outbox, on a channel nobody listens to.
            s.execute("CREATE FUNCTION " + SCHEMA + ".outbox_notify() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN PERFORM pg_notify('bench_limit_outbox', ''); RETURN NULL; END; $$");
            s.execute("CREATE TRIGGER outbox_inserted AFTER INSERT ON " + SCHEMA + ".outbox FOR EACH STATEMENT EXECUTE FUNCTION "
                    + SCHEMA + ".outbox_notify()");
            try (ResultSet r = s.executeQuery("SELECT payload::text, event_type FROM public.outbox "
                    + "WHERE event_type LIKE '%booked%' ORDER BY id DESC LIMIT 1")) {
                if (!r.next()) {
                    throw new SQLException("no booked event in public.outbox to copy the payload from");
                }
                outboxPayload = r.getString(1);
                eventType = r.getString(2);
            }
            try (ResultSet r = s.executeQuery("SELECT before::text, after::text FROM public.audit_log "
                    + "WHERE before IS NOT NULL AND after IS NOT NULL ORDER BY id DESC LIMIT 1")) {
                if (!r.next()) {
                    throw new SQLException("no audit row with before and after to copy");
                }
                auditBefore = r.getString(1);
                auditAfter = r.getString(2);
            }
            s.execute("INSERT INTO " + SCHEMA + ".users (id, email, display_name, time_zone) "
                    + "VALUES ('" + HOST + "', 'limit-host@bench.test', 'Limit Host', 'UTC')");
            // The minimal booking's guests are known people already (the service's booking refreshes its caller's profile).
            s.execute("INSERT INTO " + SCHEMA + ".users (id, email, display_name, time_zone) SELECT 'limit-guest-' || g, "
                    + "'limit-guest-' || g || '@bench.test', 'Guest limit-guest-' || g, 'UTC' FROM generate_series(0, " + (guests - 1) + ") g");
            s.execute("INSERT INTO " + SCHEMA + ".practice_rooms (id, host_id, room_url, datetime_utc, ends_at, ics_uid) "
                    + "SELECT gen_random_uuid(), '" + HOST + "', 'https://meet.jit.si/x-' || g, "
                    + "timestamptz '2030-01-01 00:00Z' + g * interval '1 hour', "
                    + "timestamptz '2030-01-01 01:00Z' + g * interval '1 hour', gen_random_uuid() "
                    + "FROM generate_series(1, " + rooms + ") g");
            s.execute("ANALYZE " + SCHEMA + ".practice_rooms");
            List<UUID> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id FROM " + SCHEMA + ".practice_rooms ORDER BY datetime_utc")) {
                while (r.next()) {
                    ids.add((UUID) r.getObject(1));
                }
            }
            return ids;
        }
    }

    /** One worker's prepared statements on its own connection (the service's pool also keeps them prepared). */
    final class Worker implements AutoCloseable {
        private final Connection c;
        private final PreparedStatement upsertUser;
        private final PreparedStatement selectRoom;
        private final PreparedStatement assignGuest;
        private final PreparedStatement selectUsers;
        private final PreparedStatement insertOutbox;
        private final PreparedStatement insertAudit;
        private final Connection minimalConnection;
        private final PreparedStatement minimalBooking;

        Worker() throws SQLException {
            c = connect();
            c.setAutoCommit(false);
            minimalConnection = connect();
            // The guards a booking needs (free, not the host's own room, not begun), the outbox row and the audit row; a
            // statement in autocommit is its own transaction.
            minimalBooking = minimalConnection.prepareStatement("WITH booked AS (UPDATE " + SCHEMA + ".practice_rooms "
                    + "SET guest_id = ?, version = version + 1 WHERE id = ? AND guest_id IS NULL AND host_id <> ? "
                    + "AND datetime_utc > now() RETURNING id), "
                    + "event AS (INSERT INTO " + SCHEMA + ".outbox (event_id, topic, message_key, event_type, payload) "
                    + "SELECT ?, 'scheduling.room-events.v1', CAST(id AS text), ?, CAST(CAST(? AS text) AS jsonb) FROM booked) "
                    + "INSERT INTO " + SCHEMA + ".audit_log (actor_id, action, entity_type, entity_id, before, after) "
                    + "SELECT ?, 'BOOKED', 'practice_room', CAST(id AS text), CAST(CAST(? AS text) AS jsonb), "
                    + "CAST(CAST(? AS text) AS jsonb) FROM booked");
            // Same statement as PanacheUserDirectory.upsert.
            upsertUser = c.prepareStatement("WITH changed AS (UPDATE " + SCHEMA + ".users SET email = ?, display_name = ?, time_zone = ?, "
                    + "updated_at = now() WHERE id = ? AND (email, display_name, time_zone) IS DISTINCT FROM "
                    + "(CAST(? AS text), CAST(? AS text), CAST(? AS text))) "
                    + "INSERT INTO " + SCHEMA + ".users (id, email, display_name, time_zone) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
            selectRoom = c.prepareStatement("SELECT * FROM " + SCHEMA + ".practice_rooms WHERE id = ?"); // every mapped column
            // What Hibernate sends for the booked entity (@DynamicUpdate, @Version); the rules were checked on the row read.
            assignGuest = c.prepareStatement("UPDATE " + SCHEMA + ".practice_rooms SET guest_id = ?, version = ? WHERE id = ? AND version = ?");
            selectUsers = c.prepareStatement("SELECT id, email, display_name, time_zone, created_at, updated_at FROM "
                    + SCHEMA + ".users WHERE id IN (?, ?)");
            insertOutbox = c.prepareStatement("INSERT INTO " + SCHEMA + ".outbox (event_id, topic, message_key, event_type, payload) "
                    + "VALUES (?, 'scheduling.room-events.v1', ?, ?, CAST(CAST(? AS text) AS jsonb))");
            insertAudit = c.prepareStatement("INSERT INTO " + SCHEMA + ".audit_log (actor_id, action, entity_type, entity_id, before, after) "
                    + "VALUES (?, 'BOOKED', 'practice_room', ?, CAST(CAST(? AS text) AS jsonb), CAST(CAST(? AS text) AS jsonb))");
        }

        /** One booking transaction; returns its duration in nanoseconds. */
        long book(UUID roomId, String guestId) throws SQLException {
            long start = System.nanoTime();
            try {
                String email = guestId + "@bench.test";
                String name = "Guest " + guestId;
                Object[] user = {email, name, "UTC", guestId, email, name, "UTC", guestId, email, name, "UTC"};
                for (int i = 0; i < user.length; i++) {
                    upsertUser.setObject(i + 1, user[i]);
                }
                upsertUser.executeUpdate();
                long version = readRoom(roomId);
                assignGuest.setString(1, guestId);
                assignGuest.setLong(2, version + 1);
                assignGuest.setObject(3, roomId);
                assignGuest.setLong(4, version);
                if (assignGuest.executeUpdate() != 1) {
                    throw new SQLException("limit: room " + roomId + " was not free");
                }
                selectUsers.setString(1, HOST);
                selectUsers.setString(2, guestId);
                try (ResultSet r = selectUsers.executeQuery()) {
                    while (r.next()) {
                        r.getString(1);
                    }
                }
                insertOutbox.setObject(1, UUID.randomUUID());
                insertOutbox.setString(2, roomId.toString());
                insertOutbox.setString(3, eventType);
                insertOutbox.setString(4, outboxPayload);
                insertOutbox.executeUpdate();
                insertAudit.setString(1, guestId);
                insertAudit.setString(2, roomId.toString());
                insertAudit.setString(3, auditBefore);
                insertAudit.setString(4, auditAfter);
                insertAudit.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            return System.nanoTime() - start;
        }

        /** The minimal booking: one statement, one commit; returns its duration in nanoseconds. */
        long bookMinimal(UUID roomId, String guestId) throws SQLException {
            long start = System.nanoTime();
            minimalBooking.setString(1, guestId);
            minimalBooking.setObject(2, roomId);
            minimalBooking.setString(3, guestId);
            minimalBooking.setObject(4, UUID.randomUUID());
            minimalBooking.setString(5, eventType);
            minimalBooking.setString(6, outboxPayload);
            minimalBooking.setString(7, guestId);
            minimalBooking.setString(8, auditBefore);
            minimalBooking.setString(9, auditAfter);
            if (minimalBooking.executeUpdate() != 1) {
                throw new SQLException("limit: room " + roomId + " was not free");
            }
            return System.nanoTime() - start;
        }

        /** The room's version. */
        private long readRoom(UUID roomId) throws SQLException {
            selectRoom.setObject(1, roomId);
            try (ResultSet r = selectRoom.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("limit: no room " + roomId);
                }
                return r.getLong("version");
            }
        }

        @Override
        public void close() throws SQLException {
            c.close();
            minimalConnection.close();
        }
    }

    /** Drops the copies. */
    void cleanUp() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}

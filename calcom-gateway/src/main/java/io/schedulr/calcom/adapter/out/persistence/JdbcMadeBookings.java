package io.schedulr.calcom.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.schedulr.calcom.application.port.out.MadeBookings;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Bookings made here, in PostgreSQL ({@code booking_made}): remembered on a worker thread in a transaction of their own,
 * claimed and forgotten through JDBC in the caller's JTA transaction.
 */
@ApplicationScoped
public class JdbcMadeBookings implements MadeBookings {
    private static final Logger LOG = Logger.getLogger(JdbcMadeBookings.class);

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Uni<Void> made(String icalUid, String uid, Instant end) {
        return Uni.createFrom().<Void>item(() -> {
                    QuarkusTransaction.requiringNew().run(() -> insert(icalUid, uid, end));
                    return null;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("booking %s (meeting %s) made on Cal.com, but not remembered for look-ups; only its webhooks will "
                            + "tell of it: %s", uid, icalUid, e.toString());
                    return null;
                });
    }

    @Override
    public List<MadeBooking> claimMadeForLookUp(Instant now, Instant madeBefore, Instant lookedUpBefore, int limit) {
        update("DELETE FROM booking_made b USING meeting_state m WHERE m.ical_uid = b.ical_uid");
        update("DELETE FROM booking_made WHERE ends_at <= ?", Timestamp.from(now));
        // Answered longest waiting first, as chosen: UPDATE … RETURNING alone gives its rows in no particular order.
        return Statements.rows(dataSource, "could not claim bookings made here to look up", "WITH due AS (SELECT ical_uid, "
                        + "looked_up_at AS before FROM booking_made WHERE made_at < ? AND ends_at > ? "
                        + "AND (looked_up_at IS NULL OR looked_up_at < ?) ORDER BY looked_up_at NULLS FIRST, ical_uid LIMIT ? "
                        + "FOR UPDATE SKIP LOCKED), claimed AS (UPDATE booking_made b SET looked_up_at = ? FROM due "
                        + "WHERE b.ical_uid = due.ical_uid RETURNING b.ical_uid, b.uid, b.ends_at, due.before) "
                        + "SELECT ical_uid, uid, ends_at FROM claimed ORDER BY before NULLS FIRST, ical_uid",
                rs -> new MadeBooking(rs.getString(1), rs.getString(2), Statements.instant(rs, 3)),
                Timestamp.from(madeBefore), Timestamp.from(now), Timestamp.from(lookedUpBefore), limit, Timestamp.from(now));
    }

    @Override
    public boolean rememberUnknown(String icalUid, String uid, Instant madeAt, Instant end) {
        return update("INSERT INTO booking_made (ical_uid, uid, ends_at, made_at) SELECT ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM meeting_state WHERE ical_uid = ?) ON CONFLICT (ical_uid) DO NOTHING",
                icalUid, uid, Timestamp.from(end), Timestamp.from(madeAt), icalUid) == 1;
    }

    @Override
    public void giveBackMade(Collection<String> icalUids) {
        icalUids.forEach(icalUid -> update("UPDATE booking_made SET looked_up_at = NULL WHERE ical_uid = ?", icalUid));
    }

    @Override
    public void forgetMade(String icalUid) {
        update("DELETE FROM booking_made WHERE ical_uid = ?", icalUid);
    }

    private void insert(String icalUid, String uid, Instant end) {
        update("INSERT INTO booking_made (ical_uid, uid, ends_at) VALUES (?, ?, ?) ON CONFLICT (ical_uid) DO NOTHING", icalUid, uid,
                Timestamp.from(end));
    }

    private int update(String sql, Object... values) {
        return Statements.update(dataSource, "bookings made here", sql, values);
    }
}

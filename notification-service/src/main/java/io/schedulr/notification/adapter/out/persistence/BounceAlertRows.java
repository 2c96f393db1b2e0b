package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.domain.BounceAlert;
import io.schedulr.notification.domain.EmailStatus;
import io.schedulr.notification.domain.EmailStatusNotice;
import io.schedulr.notification.domain.InviteMethod;
import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.ReportedMail;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import static io.schedulr.notification.adapter.out.persistence.SqlValues.instant;

/** Reading a delivery row as the mail a report is about, and planning the bounce alert of one. */
final class BounceAlertRows {
    /**
     * The delivery's columns {@link #reportedMail} reads, with {@code d} the delivery (ends with a line break). Whether the
     * recipient is still named: for an interview, whether the last REQUEST it was told named their address (not known, so
     * named, when nothing was kept); a room's guest always is.
     */
    static final String MAIL_COLUMNS = """
            d.id AS delivery_id, d.room_id, d.method, d.title, d.start_utc, d.end_utc,
            d.organizer_email, d.organizer_name, d.organizer_tz, d.recipient_email, d.recipient_name, d.recipient_tz,
            CASE WHEN d.room_id LIKE 'interview:%' THEN COALESCE((
                SELECT s.told_people = '[]'::jsonb OR s.told_people @> jsonb_build_array(jsonb_build_object('email', d.recipient_email))
                FROM interview_state s WHERE s.interview_id = substr(d.room_id, 11)), true)
            ELSE true END AS recipient_still_named
            """;

    private BounceAlertRows() {
    }

    static ReportedMail reportedMail(Row row) {
        return new ReportedMail(row.getLong("delivery_id"), row.getString("room_id"), InviteMethod.valueOf(row.getString("method")),
                row.getString("title"), instant(row, "start_utc"), instant(row, "end_utc"),
                new Person(row.getString("organizer_email"), row.getString("organizer_name"), row.getString("organizer_tz")),
                new Person(row.getString("recipient_email"), row.getString("recipient_name"), row.getString("recipient_tz")),
                row.getBoolean("recipient_still_named"));
    }

    static BounceAlert alert(Row row) {
        return new BounceAlert(row.getLong("id"), reportedMail(row), EmailStatus.valueOf(row.getString("report_status")),
                row.getString("report_detail"), row.getInteger("attempts"));
    }

    /** Once per delivery: a second report about the same mail (the provider's retry, a rejection after a bounce) adds none. */
    static Uni<Void> plan(SqlConnection conn, long deliveryId, EmailStatusNotice notice) {
        return conn.preparedQuery("""
                        INSERT INTO bounce_alert (delivery_id, report_status, report_detail, status, next_attempt_at)
                        VALUES ($1, $2, $3, 'PENDING', now())
                        ON CONFLICT (delivery_id) DO NOTHING""")
                .execute(Tuple.of(deliveryId, notice.status().name(), SqlValues.clip(notice.detail(), 2000)))
                .replaceWithVoid();
    }
}

package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.domain.Person;
import io.schedulr.notification.domain.ReminderPreference;
import io.schedulr.notification.domain.ReminderSession;
import io.schedulr.notification.domain.ReminderSlot;
import io.schedulr.notification.domain.SessionParticipant;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.schedulr.notification.adapter.out.persistence.SqlValues.instant;

/** Rows of reminder_session and reminder to and from the domain; {@code people} is JSONB. */
final class ReminderRows {
    /** The reminder_session columns {@link #session(Row)} reads. */
    static final String SESSION_COLUMNS = "session_key, ics_uid, last_sequence, title, start_utc, end_utc, join_url, people, cancelled";

    private ReminderRows() {
    }

    static JsonArray people(List<SessionParticipant> people) {
        JsonArray json = new JsonArray();
        for (SessionParticipant p : people) {
            json.add(new JsonObject().put("userId", p.person().id()).put("email", p.person().email()).put("name", p.person().name())
                    .put("timeZone", p.person().timeZone()).put("role", p.role()));
        }
        return json;
    }

    static ReminderSession session(Row row) {
        Object value = row.getValue("people");
        JsonArray json = value instanceof JsonArray array ? array : new JsonArray(String.valueOf(value));
        List<SessionParticipant> people = new ArrayList<>();
        for (Object o : json) {
            JsonObject p = (JsonObject) o;
            people.add(new SessionParticipant(new Person(p.getString("userId"), p.getString("email"), p.getString("name"),
                    p.getString("timeZone")), p.getString("role")));
        }
        return new ReminderSession(row.getString("session_key"), row.getString("ics_uid"), row.getInteger("last_sequence"),
                row.getString("title"), instant(row, "start_utc"), instant(row, "end_utc"), row.getString("join_url"), people);
    }

    /** A {@code reminder_preference} row (its {@code minutes}, {@code channel}, {@code time_zone}). */
    static ReminderPreference preference(Row row) {
        return new ReminderPreference(Arrays.asList(row.getArrayOfIntegers("minutes")), "email".equals(row.getString("channel")),
                row.getString("time_zone"));
    }

    static ReminderSlot slot(Row row) {
        return new ReminderSlot(row.getString("recipient_email"), row.getString("recipient_user_id"), row.getInteger("offset_minutes"),
                instant(row, "due_at"));
    }

    /** Stable for the reminder's identity: a resend after a crash carries the same Message-ID. */
    static String messageKey(String sessionKey, String icsUid, ReminderSlot slot) {
        String name = "reminder\n" + sessionKey + "\n" + icsUid + "\n" + slot.identity();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

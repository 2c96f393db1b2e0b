package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.ReminderPreferences;
import io.schedulr.events.ReminderPreferencesEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** {@code reminder_preferences}: one row per person who ever chose; everyone else has the contract's defaults. */
@ApplicationScoped
public class JdbcReminderPreferences implements ReminderPreferences {
    @Inject
    AgroalDataSource dataSource;

    @Override
    public List<Integer> minutesOf(String userId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT reminder_minutes FROM reminder_preferences WHERE user_id = ?")) {
            select.setString(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return ReminderPreferencesEvent.DEFAULT_MINUTES;
                }
                Array minutes = rs.getArray(1);
                return List.copyOf(Arrays.asList((Integer[]) minutes.getArray()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the reminder preferences of " + userId, e);
        }
    }

    @Override
    public void save(String userId, List<Integer> minutes, String channel, String eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("INSERT INTO reminder_preferences (user_id, reminder_minutes, reminder_channel, "
                     + "event_id) VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET reminder_minutes = EXCLUDED.reminder_minutes, "
                     + "reminder_channel = EXCLUDED.reminder_channel, event_id = EXCLUDED.event_id, updated_at = now()")) {
            upsert.setString(1, userId);
            upsert.setArray(2, c.createArrayOf("integer", minutes.toArray()));
            upsert.setString(3, channel);
            upsert.setString(4, eventId);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the reminder preferences of " + userId, e);
        }
    }
}

package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.ConsumedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** {@code consumed_event}: one row per event id taken in. */
@ApplicationScoped
public class JdbcConsumedEvents implements ConsumedEvents {
    @Inject
    AgroalDataSource dataSource;

    @Override
    public boolean firstTime(String eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO consumed_event (event_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, eventId);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record consumed event " + eventId, e);
        }
    }
}

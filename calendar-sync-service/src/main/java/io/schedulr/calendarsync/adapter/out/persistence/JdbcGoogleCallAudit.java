package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.port.out.GoogleCallAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** {@code google_call_audit}, written in the caller's transaction. */
@ApplicationScoped
public class JdbcGoogleCallAudit implements GoogleCallAudit {
    @Inject
    AgroalDataSource dataSource;

    @Override
    public void record(String roomId, String personId, String operation, String outcome) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO google_call_audit (room_id, person_id, operation, outcome) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, roomId);
            insert.setString(2, personId);
            insert.setString(3, operation);
            insert.setString(4, outcome.length() > 2000 ? outcome.substring(0, 2000) : outcome);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not audit " + operation + " for room " + roomId, e);
        }
    }
}

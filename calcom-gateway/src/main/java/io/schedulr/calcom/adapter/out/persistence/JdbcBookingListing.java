package io.schedulr.calcom.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calcom.application.port.out.BookingListing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The listing mark in PostgreSQL ({@code booking_listing}, one row), through JDBC in the caller's JTA transaction. */
@ApplicationScoped
public class JdbcBookingListing implements BookingListing {
    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<Instant> claimListing(Instant now, Instant listedBefore) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement claim = c.prepareStatement("UPDATE booking_listing SET listed_at = ? WHERE id = 1 "
                     + "AND (listed_at IS NULL OR listed_at < ?) RETURNING listed_until")) {
            claim.setTimestamp(1, Timestamp.from(now));
            claim.setTimestamp(2, Timestamp.from(listedBefore));
            try (ResultSet rs = claim.executeQuery()) {
                return rs.next() ? Optional.of(Statements.instant(rs, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim the listing of Cal.com's bookings", e);
        }
    }

    @Override
    public void listedUntil(Instant until) {
        Statements.update(dataSource, "Cal.com's bookings listed", "UPDATE booking_listing SET listed_until = ? WHERE id = 1 "
                + "AND listed_until < ?", Timestamp.from(until), Timestamp.from(until));
    }
}

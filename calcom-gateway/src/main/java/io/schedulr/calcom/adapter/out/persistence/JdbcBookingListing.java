package io.schedulr.calcom.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calcom.application.port.out.BookingListing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
        return Statements.rows(dataSource, "could not claim the listing of Cal.com's bookings", "UPDATE booking_listing "
                        + "SET listed_at = ? WHERE id = 1 AND (listed_at IS NULL OR listed_at < ?) RETURNING listed_until",
                rs -> Statements.instant(rs, 1), Timestamp.from(now), Timestamp.from(listedBefore)).stream().findFirst();
    }

    @Override
    public void listedUntil(Instant until) {
        Statements.update(dataSource, "Cal.com's bookings listed", "UPDATE booking_listing SET listed_until = ? WHERE id = 1 "
                + "AND listed_until < ?", Timestamp.from(until), Timestamp.from(until));
    }
}

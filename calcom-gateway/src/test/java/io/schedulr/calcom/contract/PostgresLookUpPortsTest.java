package io.schedulr.calcom.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calcom.adapter.out.persistence.JdbcBookingListing;
import io.schedulr.calcom.adapter.out.persistence.JdbcMadeBookings;
import io.schedulr.calcom.adapter.out.persistence.JdbcWebhookLedger;
import io.schedulr.calcom.application.port.out.BookingListing;
import io.schedulr.calcom.application.port.out.MadeBookings;
import io.schedulr.calcom.application.port.out.MeetingLedger;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatCode;

/** The look-up's port contract against PostgreSQL, as the service runs it (each call in its own autocommit). */
@QuarkusTest
class PostgresLookUpPortsTest extends LookUpPortsContract {
    @Inject
    JdbcWebhookLedger ledger;
    @Inject
    JdbcMadeBookings made;
    @Inject
    JdbcBookingListing listing;

    @Override
    protected MeetingLedger meetings() {
        return ledger;
    }

    @Override
    protected MadeBookings made() {
        return made;
    }

    @Override
    protected BookingListing listing() {
        return listing;
    }

    /** The booking stands on Cal.com whatever happens here: a booking that cannot be remembered is logged, not failed. */
    @Test
    void aBookingThatCannotBeRememberedDoesNotFailIt() {
        assertThatCode(() -> made.made("contract-" + UUID.randomUUID() + "@Cal.com", "u1", null).await().atMost(Duration.ofSeconds(10)))
                .doesNotThrowAnyException();
    }
}

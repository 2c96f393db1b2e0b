package io.schedulr.calcom.contract;

import io.schedulr.calcom.application.InMemoryWebhookLedger;
import io.schedulr.calcom.application.port.out.BookingListing;
import io.schedulr.calcom.application.port.out.MadeBookings;
import io.schedulr.calcom.application.port.out.MeetingLedger;

import java.time.Instant;

/** The look-up's port contract against the in-memory ports of the unit tests. */
class InMemoryLookUpPortsTest extends LookUpPortsContract {
    private final InMemoryWebhookLedger ledger = new InMemoryWebhookLedger();

    {
        ledger.madeAt = Instant::now;
    }

    @Override
    protected MeetingLedger meetings() {
        return ledger;
    }

    @Override
    protected MadeBookings made() {
        return ledger;
    }

    @Override
    protected BookingListing listing() {
        return ledger;
    }
}

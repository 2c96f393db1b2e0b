package io.schedulr.calcom.config;

import io.schedulr.calcom.adapter.out.messaging.OutboxBookingEvents;
import io.schedulr.calcom.adapter.out.metrics.LookUpMeters;
import io.schedulr.calcom.adapter.out.persistence.JtaTransactions;
import io.schedulr.calcom.adapter.out.persistence.LookUpEvidenceJson;
import io.schedulr.calcom.adapter.out.persistence.JdbcBookingListing;
import io.schedulr.calcom.adapter.out.persistence.JdbcMadeBookings;
import io.schedulr.calcom.adapter.out.persistence.JdbcWebhookLedger;
import io.schedulr.calcom.application.port.out.CalcomApi;
import io.schedulr.calcom.application.service.LookUpRoundService;
import io.schedulr.calcom.application.service.MissedChangesService;
import io.schedulr.calcom.application.service.ReleaseRoundService;
import io.schedulr.calcom.application.service.UnknownBookingsService;
import io.schedulr.calcom.application.service.BookingWebhookService;
import io.schedulr.calcom.domain.WebhookSecrets;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/** Wires the webhook core to its adapters and configuration. */
public class CalcomWebhookWiring {
    private static final Logger LOG = Logger.getLogger(CalcomWebhookWiring.class);

    @Produces
    @Singleton
    WebhookSecrets webhookSecrets(CalcomWebhookConfig config) {
        WebhookSecrets secrets = WebhookSecrets.parse(config.secrets().orElse(null));
        if (secrets.configured()) {
            LOG.infof("Cal.com webhooks: %d secret(s) accepted", secrets.count());
        } else {
            LOG.warn("Cal.com webhooks: no secret configured (CALCOM_WEBHOOK_SECRET); every delivery is refused with 503");
        }
        return secrets;
    }

    @Produces
    @Singleton
    BookingWebhookService bookingWebhookService(JdbcWebhookLedger ledger, OutboxBookingEvents events, CalcomWebhookConfig config) {
        return new BookingWebhookService(ledger, ledger, events, Clock.systemUTC(), config.reorderWindow());
    }

    @Produces
    @Singleton
    ReleaseRoundService releaseRoundService(BookingWebhookService releaser, JtaTransactions tx) {
        return new ReleaseRoundService(releaser, tx);
    }

    @Produces
    @Singleton
    MissedChangesService missedChangesService(JdbcWebhookLedger ledger, JdbcMadeBookings made, CalcomApi calcom,
                                              CalcomLookUpConfig config) {
        return new MissedChangesService(ledger, made, calcom, Clock.systemUTC(), config.lookAgainAfter(), config.madeGrace(),
                config.batch(), config.leaveToPeople());
    }

    @Produces
    @Singleton
    UnknownBookingsService unknownBookingsService(JdbcBookingListing listing, JdbcMadeBookings made, CalcomApi calcom,
                                                  CalcomApiConfig api, CalcomLookUpConfig config) {
        return new UnknownBookingsService(listing, made, calcom, api.teamId().orElse(null), Clock.systemUTC(), config.listEvery(),
                config.madeGrace(), config.lookAgainAfter());
    }

    @Produces
    @Singleton
    LookUpRoundService lookUpRoundService(MissedChangesService finder, UnknownBookingsService unknown, BookingWebhookService receiver,
                                          JtaTransactions tx, LookUpEvidenceJson evidence, LookUpMeters meter) {
        return new LookUpRoundService(finder, unknown, receiver, tx, evidence, meter, Duration.ofMinutes(2));
    }
}

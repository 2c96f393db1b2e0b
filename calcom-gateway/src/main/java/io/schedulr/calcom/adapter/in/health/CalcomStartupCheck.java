package io.schedulr.calcom.adapter.in.health;

import io.quarkus.runtime.StartupEvent;
import io.schedulr.calcom.application.port.in.CalcomConnectionUseCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * At start-up, checks the key with {@code GET /v2/me} and says in the log what it found, without delaying the start:
 * webhooks are received whether or not the API key works.
 */
@ApplicationScoped
public class CalcomStartupCheck {
    private static final Logger LOG = Logger.getLogger(CalcomStartupCheck.class);

    @Inject
    CalcomConnectionUseCase connection;

    void onStart(@Observes StartupEvent event) {
        connection.check().subscribe().with(status -> {
            switch (status.state()) {
                case CONNECTED -> LOG.infof("Cal.com API: %s", status.reason());
                case NOT_CONFIGURED, RATE_LIMITED -> LOG.warnf("Cal.com API: %s", status.reason());
                default -> LOG.errorf("Cal.com API: %s", status.reason());
            }
        }, failure -> LOG.errorf("Cal.com API check failed: %s", failure.toString()));
    }
}

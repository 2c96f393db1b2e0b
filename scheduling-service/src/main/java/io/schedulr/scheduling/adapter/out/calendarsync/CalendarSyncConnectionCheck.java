package io.schedulr.scheduling.adapter.out.calendarsync;

import io.schedulr.scheduling.application.port.out.AskCalendarConnectionPort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Asks calendar-sync-service with the caller's own bearer token (it answers only about the caller), so no credential
 * of our own is needed. Down, slow or odd answers mean "cannot tell": the gate stays closed for that call.
 */
@ApplicationScoped
public class CalendarSyncConnectionCheck implements AskCalendarConnectionPort {
    private static final Logger LOG = Logger.getLogger(CalendarSyncConnectionCheck.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    @RestClient
    CalendarSyncApi api;
    @Inject
    CallerBearer bearer;

    @Override
    public Uni<Boolean> connectedNow(String userId) {
        Optional<String> authorization = bearer.of(userId);
        if (authorization.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return api.connection(authorization.get())
                .ifNoItem().after(TIMEOUT).fail()
                .map(answer -> answer != null && "connected".equals(answer.status()))
                .onFailure().recoverWithItem(failure -> {
                    // A warning: the person is refused (403 calendar_not_connected) for a reason that is not theirs.
                    LOG.warnf("calendar gate: calendar-sync-service could not tell whether user %s is connected, so they are refused: %s",
                            userId, failure.toString());
                    return false;
                });
    }
}

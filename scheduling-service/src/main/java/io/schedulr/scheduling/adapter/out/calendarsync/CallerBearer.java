package io.schedulr.scheduling.adapter.out.calendarsync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * The request's own bearer token, when the request is {@code userId}'s: calendar-sync-service answers only about the
 * caller, so it can only be asked about the person who is calling.
 */
@ApplicationScoped
public class CallerBearer {
    @Inject
    Instance<JsonWebToken> token;

    public Optional<String> of(String userId) {
        JsonWebToken jwt = token.isResolvable() ? token.get() : null;
        if (jwt == null || jwt.getRawToken() == null || !userId.equals(jwt.getSubject())) {
            return Optional.empty();
        }
        return Optional.of("Bearer " + jwt.getRawToken());
    }
}

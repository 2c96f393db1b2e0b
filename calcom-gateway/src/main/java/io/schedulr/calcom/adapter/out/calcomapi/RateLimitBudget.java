package io.schedulr.calcom.adapter.out.calcomapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Cal.com's last answer said of the key's rate limit ({@code X-RateLimit-Limit-Default},
 * {@code -Remaining-Default}, {@code -Reset-Default}), so that background work can leave the rest of the window to people.
 */
@ApplicationScoped
public class RateLimitBudget implements ClientResponseFilter {
    private final AtomicReference<Reading> last = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();

    /** Never fails the call: an answer without these headers (or none at all, on a dropped connection) changes nothing. */
    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        MultivaluedMap<String, String> headers = response.getHeaders();
        if (headers == null) {
            return;
        }
        Long limit = number(headers.getFirst("X-RateLimit-Limit-Default"));
        Long remaining = number(headers.getFirst("X-RateLimit-Remaining-Default"));
        Long reset = number(headers.getFirst("X-RateLimit-Reset-Default"));
        if (limit != null && limit > 0 && remaining != null) {
            last.set(new Reading(Math.min(1.0, (double) remaining / limit), clock.instant().plusSeconds(reset == null ? 60 : reset)));
        }
    }

    /** The share of the key's requests left in Cal.com's current window; 1 when no answer said, or its window has passed. */
    double shareLeft() {
        Reading reading = last.get();
        return reading == null || !clock.instant().isBefore(reading.until) ? 1.0 : reading.share;
    }

    private static Long number(String header) {
        return header != null && header.strip().matches("\\d{1,9}") ? Long.parseLong(header.strip()) : null;
    }

    private static final class Reading {
        final double share;
        final Instant until;

        Reading(double share, Instant until) {
            this.share = share;
            this.until = until;
        }
    }
}

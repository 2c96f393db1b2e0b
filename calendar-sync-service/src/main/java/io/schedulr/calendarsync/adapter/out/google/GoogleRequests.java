package io.schedulr.calendarsync.adapter.out.google;

import com.google.api.client.http.HttpRequestInitializer;
import io.schedulr.calendarsync.config.GoogleConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * How every request of this service to Google (Calendar API and OAuth) is prepared: the time bounds first
 * ({@code schedulr.google.connect-timeout} and {@code read-timeout}; the client library's own are 20 s each, and a
 * background job holds its room's row for every call), then the caller's own setting (its bearer token; free/busy narrows
 * the bounds to its budget), then the counting of the answer.
 */
@ApplicationScoped
public class GoogleRequests {
    private final int connectMillis;
    private final int readMillis;
    private final GoogleCallMeters meters;

    GoogleRequests(GoogleConfig config, GoogleCallMeters meters) {
        this.connectMillis = Math.toIntExact(config.connectTimeout().toMillis());
        this.readMillis = Math.toIntExact(config.readTimeout().toMillis());
        this.meters = meters;
    }

    /** {@code inner} may be null. */
    HttpRequestInitializer prepared(HttpRequestInitializer inner) {
        return meters.metered(request -> {
            request.setConnectTimeout(connectMillis);
            request.setReadTimeout(readMillis);
            if (inner != null) {
                inner.initialize(request);
            }
        });
    }
}

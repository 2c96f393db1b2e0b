package io.schedulr.calendarsync.adapter.out.google;

import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import io.schedulr.calendarsync.application.GoogleUnavailableException;

import java.io.IOException;
import java.util.Set;

/** Which of Google's answers are worth trying again (network, 429, 5xx, the rate-limit 403s) and which are final. */
final class GoogleFailures {
    private static final Set<String> RATE_LIMIT_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded");

    private GoogleFailures() {
    }

    static RuntimeException translate(String what, IOException e) {
        if (e instanceof HttpResponseException http && !transient_(http)) {
            return new IllegalStateException(what + " failed: Google answered " + http.getStatusCode() + " " + http.getStatusMessage());
        }
        return new GoogleUnavailableException(what + " failed, Google did not answer usefully: " + summary(e), e);
    }

    static boolean transient_(HttpResponseException http) {
        int status = http.getStatusCode();
        if (status == 429 || status >= 500) {
            return true;
        }
        if (status == 403 && http instanceof GoogleJsonResponseException json && json.getDetails() != null
                && json.getDetails().getErrors() != null) {
            return json.getDetails().getErrors().stream().map(GoogleJsonError.ErrorInfo::getReason).anyMatch(RATE_LIMIT_REASONS::contains);
        }
        return false;
    }

    private static String summary(IOException e) {
        return e instanceof HttpResponseException http ? "HTTP " + http.getStatusCode() : e.toString();
    }
}

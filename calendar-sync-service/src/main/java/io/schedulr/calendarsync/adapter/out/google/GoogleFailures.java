package io.schedulr.calendarsync.adapter.out.google;

import com.google.api.services.calendar.Calendar;
import io.schedulr.calendarsync.application.CalendarGoneException;
import io.schedulr.calendarsync.application.GoogleRejectedException;
import io.schedulr.calendarsync.config.GoogleConfig;

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

    /** Transient (429, the rate-limit 403s, 5xx, network) → unavailable; any other answer → refused for good. */
    static RuntimeException refusedOrUnavailable(String what, IOException e) {
        if (e instanceof HttpResponseException http && !transient_(http)) {
            String reason = http instanceof GoogleJsonResponseException json && json.getDetails() != null
                    ? json.getDetails().getMessage() : http.getStatusMessage();
            return new GoogleRejectedException(http.getStatusCode(), what + ": Google answered " + http.getStatusCode() + " " + reason);
        }
        return translate(what, e);
    }

    /**
     * As {@link #refusedOrUnavailable}, for a call on the calendar itself (events.list, events.insert, events.watch), whose
     * 404 can only mean that the calendar is gone: {@link CalendarGoneException}.
     */
    static RuntimeException onCalendar(String calendarId, String what, IOException e) {
        if (e instanceof HttpResponseException http && http.getStatusCode() == 404) {
            return new CalendarGoneException(calendarId, what + ": Google answered 404, calendar " + calendarId + " is gone");
        }
        return refusedOrUnavailable(what, e);
    }

    /** The Calendar v3 client for one person's access token, pointed at the configured Google. */
    static Calendar calendar(GoogleConfig config, GoogleRequests requests, String accessToken) {
        return new Calendar.Builder(GoogleOAuthClient.TRANSPORT, GoogleOAuthClient.JSON,
                requests.prepared(request -> request.getHeaders().setAuthorization("Bearer " + accessToken)))
                .setRootUrl(config.calendarRootUrl())
                .setApplicationName("schedulr-calendar-sync")
                .build();
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

package io.schedulr.calendarsync.adapter.out.google;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.calendar.model.CalendarListEntry;
import io.schedulr.calendarsync.application.GoogleUnavailableException;
import io.schedulr.calendarsync.application.GrantRevokedException;
import io.schedulr.calendarsync.application.port.out.DedicatedCalendars;
import io.schedulr.calendarsync.config.GoogleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * The dedicated "Schedulr Meetings" calendar through Google's Calendar v3 client: the one we know if it still exists,
 * else one the person owns with that name, else a new one. Never the primary calendar. An access token Google no longer
 * takes (401: the person withdrew the access a moment ago) is {@link GrantRevokedException}.
 */
@ApplicationScoped
public class GoogleDedicatedCalendars implements DedicatedCalendars {
    private static final Logger LOG = Logger.getLogger(GoogleDedicatedCalendars.class);
    private static final String DESCRIPTION = "Sessions booked through Schedulr. Schedulr keeps this calendar up to date.";

    @Inject
    GoogleConfig config;
    @Inject
    GoogleRequests requests;

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = GoogleUnavailableException.class)
    @ExponentialBackoff
    public String ensure(String accessToken, String knownCalendarId, String timeZone) {
        Calendar calendar = client(accessToken);
        try {
            if (knownCalendarId != null && exists(calendar, knownCalendarId)) {
                return knownCalendarId;
            }
            String pageToken = null;
            do {
                CalendarList page = calendar.calendarList().list().setPageToken(pageToken).execute();
                if (page.getItems() != null) {
                    for (CalendarListEntry entry : page.getItems()) {
                        if (config.calendarName().equals(entry.getSummary()) && "owner".equals(entry.getAccessRole())
                                && !Boolean.TRUE.equals(entry.getPrimary())) {
                            return entry.getId();
                        }
                    }
                }
                pageToken = page.getNextPageToken();
            } while (pageToken != null);
            com.google.api.services.calendar.model.Calendar created = calendar.calendars()
                    .insert(new com.google.api.services.calendar.model.Calendar().setSummary(config.calendarName())
                            .setDescription(DESCRIPTION).setTimeZone(timeZone != null ? timeZone : primaryTimeZone(calendar)))
                    .execute();
            LOG.infof("created the dedicated calendar %s", created.getId());
            return created.getId();
        } catch (IOException e) {
            if (e instanceof HttpResponseException http && http.getStatusCode() == 401) {
                throw new GrantRevokedException("finding or creating the dedicated calendar: Google no longer takes the access token (401)");
            }
            throw GoogleFailures.translate("finding or creating the dedicated calendar", e);
        }
    }

    /** The zone of the person's primary calendar: where a calendar made again, with no zone named, is made. */
    private static String primaryTimeZone(Calendar calendar) throws IOException {
        return calendar.calendars().get("primary").execute().getTimeZone();
    }

    private static boolean exists(Calendar calendar, String id) throws IOException {
        try {
            calendar.calendars().get(id).execute();
            return true;
        } catch (GoogleJsonResponseException e) {
            if (e.getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private Calendar client(String accessToken) {
        return GoogleFailures.calendar(config, requests, accessToken);
    }
}

package io.schedulr.calendarsync.adapter.out.google;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.util.DateTime;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.CalendarList;
import com.google.api.services.calendar.model.CalendarListEntry;
import com.google.api.services.calendar.model.FreeBusyCalendar;
import com.google.api.services.calendar.model.FreeBusyRequest;
import com.google.api.services.calendar.model.FreeBusyRequestItem;
import com.google.api.services.calendar.model.FreeBusyResponse;
import com.google.api.services.calendar.model.TimePeriod;
import io.schedulr.calendarsync.application.GoogleUnavailableException;
import io.schedulr.calendarsync.application.port.out.FreeBusyCalendars;
import io.schedulr.calendarsync.config.FreeBusyConfig;
import io.schedulr.calendarsync.config.GoogleConfig;
import io.schedulr.calendarsync.domain.BusyInterval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free/busy through Google's Calendar v3 client: {@code calendarList.list} (every page) for the ids of all the person's
 * calendars, then one {@code freeBusy.query} with those ids (at most 50, Google's limit; the primary calendar comes
 * first). Only start and end of busy times are read. A calendar Google reports as {@code notFound} (gone since the list)
 * counts as free; any other per-calendar error means the answer is incomplete, so Google is taken as unavailable.
 *
 * <p>A booking waits on this, so the whole question has a hard time budget ({@code schedulr.free-busy.google-budget},
 * 2 s): each request's connect and read timeouts are what is left of it, and a transient failure (429, the rate-limit
 * 403s, 5xx, network) is tried once more, after 100–200 ms, only if enough of the budget is left. A retry annotation
 * cannot keep such a budget (every attempt would get full socket timeouts), hence the loop here.
 */
@ApplicationScoped
public class GoogleFreeBusy implements FreeBusyCalendars {
    private static final Logger LOG = Logger.getLogger(GoogleFreeBusy.class);
    /** Google's most calendars per free/busy query ({@code calendarExpansionMax}). */
    static final int MAX_CALENDARS = 50;
    private static final int ATTEMPTS = 2;
    private static final Duration PAUSE = Duration.ofMillis(100);
    /** Not worth another attempt with less left than this. */
    private static final Duration LEAST_FOR_AN_ATTEMPT = Duration.ofMillis(400);
    private static final Duration MOST_TO_CONNECT = Duration.ofMillis(1000);

    @Inject
    GoogleConfig config;
    @Inject
    FreeBusyConfig freeBusy;
    @Inject
    GoogleRequests requests;

    @Override
    public List<BusyInterval> busy(String accessToken, Instant start, Instant end) {
        long deadline = System.nanoTime() + freeBusy.googleBudget().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return ask(client(accessToken, deadline), start, end);
            } catch (GoogleUnavailableException e) {
                Duration pause = PAUSE.plusMillis(ThreadLocalRandom.current().nextLong(PAUSE.toMillis() + 1));
                if (attempt >= ATTEMPTS || left(deadline).compareTo(pause.plus(LEAST_FOR_AN_ATTEMPT)) < 0) {
                    throw e;
                }
                LOG.debugf("free/busy: %s; trying once more", e.getMessage());
                sleep(pause);
            }
        }
    }

    private static List<BusyInterval> ask(Calendar calendar, Instant start, Instant end) {
        try {
            List<String> ids = calendarIds(calendar);
            if (ids.isEmpty()) {
                return List.of();
            }
            FreeBusyResponse answer = calendar.freebusy().query(new FreeBusyRequest()
                    .setTimeMin(new DateTime(start.toEpochMilli()))
                    .setTimeMax(new DateTime(end.toEpochMilli()))
                    .setItems(ids.stream().map(id -> new FreeBusyRequestItem().setId(id)).toList())).execute();
            List<BusyInterval> busy = new ArrayList<>();
            Map<String, FreeBusyCalendar> calendars = answer.getCalendars() == null ? Map.of() : answer.getCalendars();
            for (Map.Entry<String, FreeBusyCalendar> entry : calendars.entrySet()) {
                FreeBusyCalendar one = entry.getValue();
                if (one.getErrors() != null) {
                    for (com.google.api.services.calendar.model.Error error : one.getErrors()) {
                        if (!"notFound".equals(error.getReason())) {
                            throw new GoogleUnavailableException("free/busy: Google could not answer for a calendar (" + error.getReason() + ")", null);
                        }
                    }
                }
                if (one.getBusy() != null) {
                    for (TimePeriod period : one.getBusy()) {
                        Instant from = instant(period.getStart());
                        Instant to = instant(period.getEnd());
                        if (from != null && to != null && to.isAfter(from)) {
                            busy.add(new BusyInterval(from, to));
                        }
                    }
                }
            }
            return busy;
        } catch (IOException e) {
            throw GoogleFailures.refusedOrUnavailable("asking Google for free/busy", e);
        }
    }

    /** Every calendar on the person's list, the primary one first, at most {@value #MAX_CALENDARS}. */
    private static List<String> calendarIds(Calendar calendar) throws IOException {
        List<String> ids = new ArrayList<>();
        String pageToken = null;
        do {
            CalendarList page = calendar.calendarList().list().setPageToken(pageToken).execute();
            if (page.getItems() != null) {
                for (CalendarListEntry entry : page.getItems()) {
                    if (entry.getId() == null || Boolean.TRUE.equals(entry.getDeleted())) {
                        continue;
                    }
                    if (Boolean.TRUE.equals(entry.getPrimary())) {
                        ids.add(0, entry.getId());
                    } else {
                        ids.add(entry.getId());
                    }
                }
            }
            pageToken = page.getNextPageToken();
        } while (pageToken != null);
        if (ids.size() > MAX_CALENDARS) {
            LOG.infof("free/busy: %d calendars on the list, the first %d are asked about", ids.size(), MAX_CALENDARS);
            return List.copyOf(ids.subList(0, MAX_CALENDARS));
        }
        return ids;
    }

    private static Instant instant(DateTime time) {
        return time == null ? null : Instant.ofEpochMilli(time.getValue());
    }

    /** The Calendar client for one person's token whose every request gets what is left of the budget as its timeouts. */
    private Calendar client(String accessToken, long deadline) {
        HttpRequestInitializer withBudget = request -> {
            Duration left = left(deadline);
            if (left.toMillis() < 1) {
                throw new SocketTimeoutException("the free/busy time budget is spent");
            }
            request.getHeaders().setAuthorization("Bearer " + accessToken);
            request.setConnectTimeout((int) Math.min(left.toMillis(), MOST_TO_CONNECT.toMillis()));
            request.setReadTimeout((int) left.toMillis());
        };
        return new Calendar.Builder(GoogleOAuthClient.TRANSPORT, GoogleOAuthClient.JSON, requests.prepared(withBudget))
                .setRootUrl(config.calendarRootUrl())
                .setApplicationName("schedulr-calendar-sync")
                .build();
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GoogleUnavailableException("free/busy: interrupted while waiting to try again", e);
        }
    }
}

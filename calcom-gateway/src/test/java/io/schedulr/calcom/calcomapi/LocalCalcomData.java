package io.schedulr.calcom.calcomapi;

import io.schedulr.testsupport.calcom.LocalCalcom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicInteger;

/** Dates that do not collide between tests, and the local Cal.com's own view through its control API. */
final class LocalCalcomData {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final AtomicInteger WEEK = new AtomicInteger(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalCalcomData() {
    }

    /** A Monday of its own for each use, far enough from the webhook tests' weeks. */
    static LocalDate freshMonday() {
        return LocalDate.now(BERLIN).plusWeeks(WEEK.getAndIncrement()).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    static Instant berlin(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(BERLIN).toInstant();
    }

    /** {@code GET /_control/bookings}: what the local Cal.com holds. */
    static String bookings(LocalCalcom calcom) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(calcom.url() + "/_control/bookings")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static void resetRateLimit(LocalCalcom calcom) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(calcom.url() + "/_control/rate-limit/reset"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

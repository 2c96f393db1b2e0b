package io.schedulr.scheduling.conflicts;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.Db;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While calendar-sync-service (Google's free/busy) is slow to answer a booking's clash check, the booking holds no
 * transaction open in PostgreSQL: its connection is back in the pool for other people's requests, and no row is locked.
 * calendar-sync-service is stood in by a small HTTP server on its configured address that answers the caller's free/busy
 * after a delay.
 */
@QuarkusTest
class SlowGoogleHoldsNoTransactionTest {
    private static final long GOOGLE_DELAY_MS = 1200;

    @Test
    void whileTheGuestsGoogleCalendarIsAskedTheBookingHoldsNoTransactionOpen() throws Exception {
        Instant start = Instant.now().plus(47, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        TestUser host = Tokens.newUser("Patient Host", "UTC");
        TestUser guest = Tokens.newUser("Connected Guest", "UTC");
        String room = RoomApi.create(host, Map.of("datetimeUtc", start.toString())).statusCode(201).extract().path("id");
        Db.execute("INSERT INTO calendar_connections (user_id, status, calendar_id, changed_at) VALUES (?, 'connected', ?, now())",
                guest.id(), "schedulr-" + guest.id() + "@group.calendar.google.com");

        URI calendarSync = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.calendar-sync.url", String.class));
        CountDownLatch asked = new CountDownLatch(1);
        HttpServer standIn = HttpServer.create(new InetSocketAddress("localhost", calendarSync.getPort()), 0);
        standIn.createContext("/api/calendar/free-busy", exchange -> {
            asked.countDown();
            try {
                Thread.sleep(GOOGLE_DELAY_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"status\":\"connected\",\"busy\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        standIn.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        standIn.start();
        try {
            CompletableFuture<Integer> booking = CompletableFuture.supplyAsync(() -> RoomApi.book(guest, room).extract().statusCode());
            assertThat(asked.await(10, TimeUnit.SECONDS)).as("the guest's Google calendar is asked").isTrue();

            // Sampled while the stand-in sits on the question: a transaction idle for 300 ms is one waiting on it.
            long longestWaiting = 0;
            for (int i = 0; i < 8; i++) {
                Thread.sleep(100);
                longestWaiting = Math.max(longestWaiting, Db.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND state LIKE 'idle in transaction%' AND clock_timestamp() - state_change > interval '300 milliseconds'"));
            }
            assertThat(longestWaiting).as("transactions left open while Google is asked").isZero();

            assertThat(booking.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(Db.count("SELECT count(*) FROM practice_rooms WHERE id = '" + room + "' AND guest_id = ?", guest.id()))
                    .isEqualTo(1);
        } finally {
            standIn.stop(0);
            Db.execute("DELETE FROM calendar_connections WHERE user_id = ?", guest.id());
        }
    }
}

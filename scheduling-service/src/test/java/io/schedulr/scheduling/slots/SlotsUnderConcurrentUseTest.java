package io.schedulr.scheduling.slots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.schedulr.scheduling.api.Db;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guests leave the sessions they booked from slots while others book slots and hosts publish more, eight clients at once
 * for a few seconds: every answer is a decision (2xx or 4xx), none hangs, and no transaction is left open afterwards.
 * Before the room's deletion became plain statements, this load made Hibernate Reactive's entity delete finish on another
 * event-loop thread than its session's (HR000069) within seconds: that request failed with a 500 and its transaction stayed
 * open, holding the room's and the slot's locks, so every later request on them waited for good.
 */
@QuarkusTest
class SlotsUnderConcurrentUseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);
    private static final Duration LOAD = Duration.ofSeconds(8);
    private static final int DAY = 21;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void guestsLeavingWhileOthersBookAndHostsPublishAlwaysGetAnAnswerAndLeaveNoTransactionOpen() throws Exception {
        List<TestUser> hosts = List.of(Tokens.newUser("Busy Host A", "UTC"), Tokens.newUser("Busy Host B", "UTC"));
        List<TestUser> guests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            guests.add(Tokens.newUser("Busy Guest " + i, "UTC"));
        }
        Set<String> hostIds = hosts.stream().map(TestUser::id).collect(Collectors.toSet());
        for (TestUser host : hosts) {
            for (int hour = 0; hour < 6; hour += 2) {
                SlotApi.publishOne(host, SlotApi.at(DAY, hour), SlotApi.at(DAY, hour + 1));
            }
        }
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Instant end = Instant.now().plus(LOAD);

        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                Random random = new Random(c);
                running.add(clients.submit(() -> {
                    while (Instant.now().isBefore(end)) {
                        TestUser host = hosts.get(random.nextInt(hosts.size()));
                        TestUser guest = guests.get(random.nextInt(guests.size()));
                        double op = random.nextDouble();
                        try {
                            if (op < 0.3) {
                                int hour = random.nextInt(7);
                                count(answers, "publish", call(host, "POST", "/api/slots",
                                        SlotApi.window(SlotApi.at(DAY, hour), SlotApi.at(DAY, hour + 1))).statusCode());
                            } else if (op < 0.65) {
                                JsonNode open = JSON.readTree(call(guest, "GET", "/api/slots?status=open&limit=200", null).body());
                                List<String> ours = new ArrayList<>();
                                open.forEach(slot -> {
                                    if (hostIds.contains(slot.path("hostId").asText())) {
                                        ours.add(slot.path("id").asText());
                                    }
                                });
                                if (!ours.isEmpty()) {
                                    count(answers, "book", call(guest, "POST", "/api/slots/" + ours.get(random.nextInt(ours.size())) + "/book",
                                            null).statusCode());
                                }
                            } else {
                                JsonNode mine = JSON.readTree(call(guest, "GET", "/api/practice-rooms?scope=mine&limit=50", null).body());
                                List<String> booked = new ArrayList<>();
                                mine.forEach(room -> {
                                    if (guest.id().equals(room.path("guestId").asText()) && hostIds.contains(room.path("hostId").asText())) {
                                        booked.add(room.path("id").asText());
                                    }
                                });
                                if (!booked.isEmpty()) {
                                    count(answers, "leave", call(guest, "DELETE", "/api/practice-room/"
                                            + booked.get(random.nextInt(booked.size())) + "/booking", null).statusCode());
                                }
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(LOAD.plus(ANSWER_WITHIN).plusSeconds(10).toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(failures).as("calls without an answer within %s", ANSWER_WITHIN).isEmpty();
        assertThat(answers.keySet()).as("answers by kind and status: %s", answers).noneMatch(key -> key.endsWith(" 5xx"));
        assertThat(answers).as("the load did some of everything: %s", answers).containsKeys("leave 2xx", "book 2xx");
        assertThat(Db.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND state = 'idle in transaction' AND now() - state_change > interval '2 seconds'"))
                .as("transactions left open").isZero();
    }

    private HttpResponse<String> call(TestUser user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(ANSWER_WITHIN).header("Authorization", user.bearer()).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void count(Map<String, AtomicInteger> answers, String kind, int status) {
        String key = kind + " " + (status >= 500 ? "5xx" : status >= 400 ? "4xx" : "2xx");
        answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }
}

package io.schedulr.scheduling.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live stream is fed from Kafka and shows each person only what they may see. */
@QuarkusTest
class RoomStreamTest {
    @TestHTTPResource("/api/practice-rooms/stream")
    URI stream;
    private final List<CompletableFuture<?>> watching = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopWatching() {
        watching.forEach(w -> w.cancel(true));
    }

    @Test
    void streamsVisibleChangesAndHidesOthersPrivateRooms() {
        TestUser viewer = Tokens.newUser("Viewer", "UTC");
        TestUser host = Tokens.newUser("Streamer Host", "UTC");
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(stream).header("Authorization", viewer.bearer()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("\"connected\"")));

        String publicRoom = RoomApi.createRoom(host, 4);
        String privateRoom = RoomApi.createRoom(host, 4, true);
        String myPrivateBooking = RoomApi.createRoomOfferedTo(host, 5, viewer);
        RoomApi.book(viewer, myPrivateBooking).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                has(lines, publicRoom, "room.created") && has(lines, myPrivateBooking, "room.created")
                        && has(lines, myPrivateBooking, "room.booked"));
        assertThat(lines).noneMatch(l -> l.contains(privateRoom));
        assertThat(lines.stream().filter(l -> l.contains(publicRoom))).allMatch(l -> !l.contains("roomUrl") && !l.contains("guest"));
        assertThat(lines.stream().filter(l -> l.contains(myPrivateBooking) && l.contains("room.booked")))
                .allMatch(l -> l.contains("roomUrl") && l.contains(viewer.id()) && l.contains("\"endUtc\""));
        response.cancel(true);
    }

    @Test
    void whoeverLosesSightOfARoomIsToldItIsHiddenAndNothingMore() {
        TestUser viewer = Tokens.newUser("Onlooker", "UTC");
        TestUser offered = Tokens.newUser("Chosen One", "UTC");
        TestUser host = Tokens.newUser("Closing Host", "UTC");
        List<String> lines = watch(viewer);
        List<String> offeredLines = watch(offered);
        String room = RoomApi.createRoom(host, 6);
        await().atMost(Duration.ofSeconds(20)).until(() -> has(lines, room, "room.created"));

        RoomApi.update(host, Map.of("roomId", room, "private", true, "offerTo", offered.id())).statusCode(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> has(lines, room, "\"hidden\"") && has(offeredLines, room, "room.updated"));
        assertThat(lines.stream().filter(l -> l.contains(room) && l.contains("\"hidden\"")))
                .singleElement().satisfies(l -> assertThat(l).doesNotContain("hostId", "datetimeUtc", "endUtc", "private", offered.id()));
        assertThat(offeredLines).noneMatch(l -> l.contains("\"hidden\""));
    }

    @Test
    void streamNeedsAToken() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(stream)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    private List<String> watch(TestUser viewer) {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(stream).header("Authorization", viewer.bearer()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        watching.add(response);
        response.thenAccept(r -> r.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("\"connected\"")));
        return lines;
    }

    private static boolean has(List<String> lines, String roomId, String type) {
        return lines.stream().anyMatch(l -> l.contains(roomId) && l.contains(type));
    }
}

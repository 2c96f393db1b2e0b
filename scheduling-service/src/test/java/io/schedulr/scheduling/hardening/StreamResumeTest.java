package io.schedulr.scheduling.hardening;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.RoomApi;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every change on the stream has an SSE id; a client that reconnects with Last-Event-ID gets what it missed. */
@QuarkusTest
class StreamResumeTest {
    @TestHTTPResource("/api/practice-rooms/stream")
    URI stream;

    private final TestUser viewer = Tokens.newUser("Resumer", "UTC");
    private final TestUser host = Tokens.newUser("Resume Host", "UTC");

    private CompletableFuture<HttpResponse<Stream<String>>> connect(List<String> lines, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Authorization", viewer.bearer())
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("\"connected\"")));
        return response;
    }

    /** The id line the server sent right before the data line of this room's change. */
    private static String idBefore(List<String> lines, String roomId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("data:") && lines.get(i).contains(roomId)) {
                for (int j = i - 1; j >= 0 && !lines.get(j).isEmpty(); j--) {
                    if (lines.get(j).startsWith("id:")) {
                        return lines.get(j).substring(3).strip();
                    }
                }
            }
        }
        return null;
    }

    @Test
    void aReconnectWithLastEventIdReplaysTheMissedChangesFirst() {
        List<String> first = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> connection = connect(first, null);
        String seen = RoomApi.createRoom(host, 4);
        await().atMost(Duration.ofSeconds(20)).until(() -> idBefore(first, seen) != null);
        String lastId = idBefore(first, seen);
        connection.cancel(true);

        String missed = RoomApi.createRoom(host, 5);
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);

        List<String> second = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> again = connect(second, lastId);
        await().atMost(Duration.ofSeconds(20)).until(() -> idBefore(second, missed) != null);
        assertThat(second).noneMatch(l -> l.startsWith("data:") && l.contains(seen));
        again.cancel(true);
    }

    @Test
    void anUnknownLastEventIdAsksTheClientToReload() {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> connection = connect(lines, "no-such-event");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"reload\"")));
        connection.cancel(true);
    }

    @Test
    void aLongLastEventIdThatIsNotOursAsksTheClientToReloadRatherThanStartingAfresh() {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> connection = connect(lines, "v1:" + "0=1,".repeat(60) + "x");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains("\"reload\"")));
        connection.cancel(true);
    }
}

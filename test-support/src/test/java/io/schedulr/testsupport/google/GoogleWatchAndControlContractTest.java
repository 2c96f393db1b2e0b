package io.schedulr.testsupport.google;

import com.google.api.services.calendar.model.Channel;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.EventAttendee;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.schedulr.testsupport.google.GoogleCalendarContractTest.event;
import static io.schedulr.testsupport.google.GoogleCalendarContractTest.secondaryCalendar;
import static org.assertj.core.api.Assertions.assertThat;

/** Push notifications to a watch channel, and the control API acting as the person in Google's own UI. */
class GoogleWatchAndControlContractTest {
    private static LocalGoogle google;
    private static HttpServer receiver;
    private static final BlockingQueue<Map<String, String>> NOTIFICATIONS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        google = LocalGoogle.start(0, RegisteredClient.development());
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/google/notifications", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            headers.put("method", exchange.getRequestMethod());
            headers.put("body-length", String.valueOf(exchange.getRequestBody().readAllBytes().length));
            NOTIFICATIONS.add(headers);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        google.close();
    }

    @Test
    void aWatchedCalendarNotifiesEveryChangeUntilTheChannelStops() throws Exception {
        ConnectedUser host = ConnectedUser.connect(google);
        String calendarId = secondaryCalendar(host);
        String channelId = UUID.randomUUID().toString();
        Channel channel = host.calendar().events().watch(calendarId, new Channel().setId(channelId).setType("web_hook")
                .setAddress("http://localhost:" + receiver.getAddress().getPort() + "/google/notifications")
                .setToken("channel-secret")).execute();
        assertThat(channel.getResourceId()).isNotBlank();
        assertThat(channel.getExpiration()).as("int64 sent as a JSON string, read as a Long")
                .isGreaterThan(System.currentTimeMillis() + 6L * 24 * 3600 * 1000);

        Map<String, String> sync = next();
        assertThat(sync).containsEntry("method", "POST").containsEntry("body-length", "0")
                .containsEntry("X-Goog-Channel-ID", channelId).containsEntry("X-Goog-Channel-Token", "channel-secret")
                .containsEntry("X-Goog-Resource-ID", channel.getResourceId()).containsEntry("X-Goog-Resource-State", "sync")
                .containsEntry("X-Goog-Message-Number", "1");

        host.calendar().events().insert(calendarId, event(null, "2030-06-01T10:00:00Z", "2030-06-01T11:00:00Z")).execute();
        assertThat(next()).containsEntry("X-Goog-Resource-State", "exists").containsEntry("X-Goog-Message-Number", "2")
                .containsEntry("X-Goog-Channel-ID", channelId);

        host.calendar().channels().stop(new Channel().setId(channelId).setResourceId(channel.getResourceId())).execute();
        host.calendar().events().insert(calendarId, event(null, "2030-06-02T10:00:00Z", "2030-06-02T11:00:00Z")).execute();
        assertThat(NOTIFICATIONS.poll(500, TimeUnit.MILLISECONDS)).as("no notification after channels.stop").isNull();
    }

    @Test
    void changesMadeAsThePersonReachTheApiAndTheWatchers() throws Exception {
        ConnectedUser host = ConnectedUser.connect(google);
        String calendarId = secondaryCalendar(host);
        String uid = "room-" + UUID.randomUUID() + "@schedulr.io";
        String guest = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Event event = host.calendar().events().insert(calendarId, event(uid, "2030-07-01T10:00:00Z", "2030-07-01T11:00:00Z")
                .setAttendees(List.of(new EventAttendee().setEmail(guest)))
                .setExtendedProperties(new Event.ExtendedProperties().setPrivate(Map.of("schedulrRoomId", "r-7")))).execute();
        String syncToken = GoogleCalendarContractTest.listAll(host.calendar().events(), calendarId, null, 50, new ArrayList<>());
        String channelId = UUID.randomUUID().toString();
        host.calendar().events().watch(calendarId, new Channel().setId(channelId).setType("web_hook")
                .setAddress("http://localhost:" + receiver.getAddress().getPort() + "/google/notifications")).execute();
        assertThat(next()).containsEntry("X-Goog-Resource-State", "sync").doesNotContainKey("X-Goog-Channel-Token");

        HttpResponse<String> moved = Control.post(google, "events/move", "{\"email\":\"" + host.email() + "\",\"iCalUID\":\"" + uid
                + "\",\"start\":\"2030-07-02T09:00:00Z\",\"end\":\"2030-07-02T10:00:00Z\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(next()).containsEntry("X-Goog-Resource-State", "exists").containsEntry("X-Goog-Channel-ID", channelId);
        Event afterMove = host.calendar().events().get(calendarId, event.getId()).execute();
        assertThat(afterMove.getStart().getDateTime().getValue())
                .isEqualTo(com.google.api.client.util.DateTime.parseRfc3339("2030-07-02T09:00:00Z").getValue());
        assertThat(afterMove.getSequence()).isEqualTo(1);

        assertThat(Control.post(google, "events/respond", "{\"email\":\"" + guest + "\",\"iCalUID\":\"" + uid
                + "\",\"responseStatus\":\"declined\"}").statusCode()).as("the field misnamed: told, not a 500").isEqualTo(400);
        assertThat(Control.post(google, "events/respond", "{\"email\":\"" + guest + "\",\"iCalUID\":\"" + uid
                + "\",\"response\":\"declined\"}").statusCode()).isEqualTo(200);
        assertThat(next()).containsEntry("X-Goog-Resource-State", "exists");
        assertThat(host.calendar().events().get(calendarId, event.getId()).execute().getAttendees())
                .singleElement().extracting(EventAttendee::getResponseStatus).isEqualTo("declined");

        String listed = Control.get(google, "events?email=" + host.email()).body();
        assertThat(listed).contains("\"calendarId\":\"" + calendarId + "\"", "\"calendarSummary\":\"Schedulr Meetings\"",
                "\"iCalUID\":\"" + uid + "\"", "\"responseStatus\":\"declined\"", "\"schedulrRoomId\":\"r-7\"", "\"status\":\"confirmed\"");

        assertThat(Control.get(google, "calendars?email=" + host.email()).body()).as("the calendars as the person's list shows them")
                .contains("\"id\":\"" + calendarId + "\"", "\"summary\":\"Schedulr Meetings\"", "\"accessRole\":\"owner\"",
                        "\"timeZone\":");

        assertThat(Control.post(google, "events/delete", "{\"email\":\"" + host.email() + "\",\"iCalUID\":\"" + uid + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(next()).containsEntry("X-Goog-Resource-State", "exists");
        List<Event> delta = new ArrayList<>();
        GoogleCalendarContractTest.listAll(host.calendar().events(), calendarId, syncToken, 50, delta);
        assertThat(delta).singleElement().satisfies(e -> {
            assertThat(e.getId()).isEqualTo(event.getId());
            assertThat(e.getStatus()).isEqualTo("cancelled");
        });
        assertThat(Control.post(google, "events/delete", "{\"email\":\"" + host.email() + "\",\"iCalUID\":\"" + uid + "\"}")
                .statusCode()).as("nothing left to delete").isEqualTo(404);
    }

    private static Map<String, String> next() throws InterruptedException {
        Map<String, String> notification = NOTIFICATIONS.poll(5, TimeUnit.SECONDS);
        assertThat(notification).as("a push notification arrived").isNotNull();
        return notification;
    }
}

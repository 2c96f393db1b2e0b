package io.schedulr.testsupport.google;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * events.watch channels and their push notifications: an empty POST to the channel's address with Google's
 * X-Goog-* headers, {@code sync} once when the channel opens, then {@code exists} on every change of the calendar
 * ({@code not_exists} when it is deleted). Delivered one at a time in order; a failed delivery is not retried.
 * Google insists on HTTPS addresses; the local one takes http too.
 */
final class WatchChannels implements CalendarStore.ChangeListener, AutoCloseable {
    private static final Duration DEFAULT_LIFETIME = Duration.ofDays(7);
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private static final class Channel {
        final String id;
        final String owner;
        final String calendarId;
        final String resourceId;
        final String resourceUri;
        final String address;
        final String token;
        final Instant expiration;
        long messageNumber;

        Channel(String id, String owner, String calendarId, String resourceId, String resourceUri, String address, String token,
                Instant expiration) {
            this.id = id;
            this.owner = owner;
            this.calendarId = calendarId;
            this.resourceId = resourceId;
            this.resourceUri = resourceUri;
            this.address = address;
            this.token = token;
            this.expiration = expiration;
        }
    }

    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "local-google-push");
        t.setDaemon(true);
        return t;
    });

    WatchChannels(Clock clock) {
        this.clock = clock;
    }

    synchronized Map<String, Object> watch(String owner, CalendarStore.Calendar calendar, String resourceUri, Map<String, Object> body) {
        String id = Json.string(body.get("id"));
        String address = Json.string(body.get("address"));
        String type = Json.string(body.get("type"));
        if (id == null || id.isBlank()) {
            throw GoogleError.badRequest("required", "Required: id");
        }
        if (!"web_hook".equals(type) && !"webhook".equals(type)) {
            throw GoogleError.badRequest("invalid", "Invalid value for: type");
        }
        if (address == null || !(address.startsWith("https://") || address.startsWith("http://"))) {
            throw GoogleError.badRequest("invalid", "Invalid value for: address");
        }
        if (channels.containsKey(id)) {
            throw GoogleError.badRequest("channelIdNotUnique", "Channel id " + id + " not unique");
        }
        Instant expiration = clock.instant().plus(DEFAULT_LIFETIME);
        Map<String, Object> params = Json.object(body.get("params"));
        if (params != null && params.get("ttl") instanceof String ttl) {
            expiration = clock.instant().plusSeconds(Long.parseLong(ttl));
        } else if (body.get("expiration") != null) {
            expiration = Instant.ofEpochMilli(Long.parseLong(String.valueOf(body.get("expiration"))));
        }
        Channel channel = new Channel(id, owner.toLowerCase(Locale.ROOT), calendar.id, calendar.resourceId, resourceUri, address,
                Json.string(body.get("token")), expiration);
        channels.put(id, channel);
        deliver(channel, "sync");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("kind", "api#channel");
        answer.put("id", id);
        answer.put("resourceId", channel.resourceId);
        answer.put("resourceUri", resourceUri);
        if (channel.token != null) {
            answer.put("token", channel.token);
        }
        // int64 as a JSON string, as in Google's discovery document
        answer.put("expiration", String.valueOf(expiration.toEpochMilli()));
        return answer;
    }

    synchronized void stop(String owner, Map<String, Object> body) {
        Channel channel = channels.get(Json.string(body.get("id")));
        if (channel == null || !channel.resourceId.equals(body.get("resourceId")) || !channel.owner.equals(owner.toLowerCase(Locale.ROOT))) {
            throw GoogleError.notFound();
        }
        channels.remove(channel.id);
    }

    @Override
    public synchronized void changed(String calendarId, boolean calendarGone) {
        List<Channel> watching = new ArrayList<>(channels.values().stream().filter(c -> c.calendarId.equals(calendarId)).toList());
        for (Channel channel : watching) {
            if (channel.expiration.isBefore(clock.instant())) {
                channels.remove(channel.id);
            } else {
                deliver(channel, calendarGone ? "not_exists" : "exists");
                if (calendarGone) {
                    channels.remove(channel.id);
                }
            }
        }
    }

    /** What lasts across a restart of a local Google that keeps its state ({@link io.schedulr.testsupport.StateFile}): the open channels. */
    synchronized List<Map<String, Object>> export() {
        return channels.values().stream().map(c -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", c.id);
            json.put("owner", c.owner);
            json.put("calendarId", c.calendarId);
            json.put("resourceId", c.resourceId);
            json.put("resourceUri", c.resourceUri);
            json.put("address", c.address);
            json.put("token", c.token);
            json.put("expiration", c.expiration.toString());
            json.put("messageNumber", c.messageNumber);
            return json;
        }).toList();
    }

    synchronized void restore(List<Object> saved) {
        for (Object entry : saved) {
            Map<String, Object> json = Json.object(entry);
            Channel channel = new Channel(Json.string(json.get("id")), Json.string(json.get("owner")), Json.string(json.get("calendarId")),
                    Json.string(json.get("resourceId")), Json.string(json.get("resourceUri")), Json.string(json.get("address")),
                    Json.string(json.get("token")), Instant.parse(Json.string(json.get("expiration"))));
            channel.messageNumber = ((Number) json.get("messageNumber")).longValue();
            channels.put(channel.id, channel);
        }
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }

    private void deliver(Channel channel, String state) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(channel.address))
                .timeout(Duration.ofSeconds(5))
                .header("X-Goog-Channel-ID", channel.id)
                .header("X-Goog-Channel-Expiration", HTTP_DATE.format(channel.expiration))
                .header("X-Goog-Resource-ID", channel.resourceId)
                .header("X-Goog-Resource-URI", channel.resourceUri)
                .header("X-Goog-Resource-State", state)
                .header("X-Goog-Message-Number", String.valueOf(++channel.messageNumber))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (channel.token != null) {
            request.header("X-Goog-Channel-Token", channel.token);
        }
        HttpRequest built = request.build();
        deliveries.execute(() -> {
            try {
                http.send(built, HttpResponse.BodyHandlers.discarding());
            } catch (java.io.IOException e) {
                // Like Google, the stand-in does not promise delivery; receivers keep a backstop sync.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}

package io.schedulr.deploy;

import io.schedulr.testsupport.calcom.LocalCalcom;
import io.schedulr.testsupport.infra.InfraPorts;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack on free ports, as the end-to-end tests use it: people from the issuer, the API, inboxes over IMAP. */
final class StackClient implements AutoCloseable {
    /** The JVM options of each service the deploy tests start: small heaps, quick to start. */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final Pattern FIELD = Pattern.compile("\"(access_token|sub|id)\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A browser's client for the connect flow: each redirect is followed by hand. */
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Person(String id, String email, String token) {
    }

    private final LocalStack stack;
    /** scheduling-service's replicas: calls go to each in turn, as a load balancer in front of them would send them. */
    private final List<String> apis;
    private final AtomicInteger nextApi = new AtomicInteger();
    /** One mail session for every inbox read (each read opens its own IMAP connection). */
    private final Session mail;

    private StackClient(LocalStack stack, List<String> apis) {
        this.stack = stack;
        this.apis = List.copyOf(apis);
        Properties props = new Properties();
        props.put("mail.imap.host", "localhost");
        props.put("mail.imap.port", String.valueOf(stack.endpoints().imapPort()));
        this.mail = Session.getInstance(props);
    }

    /**
     * Starts the whole stack on a free block of ports in this test JVM's range ({@link InfraPorts#freeBlock}: below the
     * ports of outgoing connections, apart from the test JVM forked beside it) with small service JVMs.
     */
    static StackClient start(Path state) throws Exception {
        return start(state, UnaryOperator.identity());
    }

    /** The same, with the options changed by {@code adjust} (e.g. another environment for one service). */
    static StackClient start(Path state, UnaryOperator<StackOptions> adjust) throws Exception {
        int base = InfraPorts.freeBlock(StackPorts.COUNT);
        StackOptions options = new StackOptions(StackOptions.findRepoRoot(), state, StackPorts.fromBase(base), Duration.ofSeconds(150),
                SERVICE_JVM_OPTIONS, false);
        LocalStack stack = LocalStack.start(adjust.apply(options), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new StackClient(stack, stack.replicasOf("scheduling-service").stream().map(ServiceSpec::url).toList());
    }

    LocalStack stack() {
        return stack;
    }

    /** A person who signed in and connected their Google Calendar (the gate of scheduling-service is on). */
    Person person(String name, String tz) throws Exception {
        Person person = unconnectedPerson(name, tz);
        connectCalendar(person);
        return person;
    }

    /**
     * What a browser does to connect: our start route, the local Google's consent (at once, for the signed-in
     * address), and Google's redirect back to calendar-sync-service's callback.
     */
    void connectCalendar(Person person) throws Exception {
        String calendarSync = "http://localhost:" + stack.services().get(2).port();
        HttpClient browser = BROWSER;
        HttpResponse<String> start = browser.send(HttpRequest.newBuilder(URI.create(calendarSync + "/api/auth/google/start"))
                .header("Authorization", "Bearer " + person.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).as("start → " + start.body()).isEqualTo(302);
        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(URI.create(start.headers().firstValue("Location").orElseThrow()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).as("consent → " + consent.body()).isEqualTo(302);
        HttpResponse<String> callback = browser.send(HttpRequest.newBuilder(URI.create(consent.headers().firstValue("Location").orElseThrow()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).as("callback → " + callback.body()).isEqualTo(200);
        assertThat(callback.body()).contains("\"status\":\"connected\"");
    }

    /**
     * The person disconnects their calendar ({@code DELETE /api/calendar/connection} at calendar-sync-service); returns
     * once scheduling-service has heard of it (their core writes answer 403), so the rooms made before it are the last
     * the person can make until they connect again.
     */
    void disconnectCalendar(Person person) throws Exception {
        String calendarSync = "http://localhost:" + stack.services().get(2).port();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(calendarSync + "/api/calendar/connection"))
                .header("Authorization", "Bearer " + person.token()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("disconnect → " + r.body()).isEqualTo(200);
        String room = "{\"datetimeUtc\":\"" + Instant.now().plus(400, java.time.temporal.ChronoUnit.DAYS).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                + "\"}";
        Instant deadline = Instant.now().plusSeconds(30);
        for (String api : apis) {
            while (true) {
                HttpResponse<String> create = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/practice-room/create"))
                        .header("Authorization", "Bearer " + person.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(room)).build(), HttpResponse.BodyHandlers.ofString());
                if (create.statusCode() == 403) {
                    break;
                }
                assertThat(Instant.now()).as("scheduling-service still lets " + person.email() + " write: " + create.body()).isBefore(deadline);
                if (create.statusCode() == 201) {
                    call("DELETE", "/api/practice-room/" + field(create.body(), "id"), person, null, 204);
                }
                Thread.sleep(300);
            }
        }
        Thread.sleep(1000);
    }

    /** The person's events on their Google calendars, as the local Google's control API lists them (JSON). */
    String googleEvents(Person person) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.endpoints().issuerUrl() + "/_control/events?email=" + person.email()))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** What a person does in Google's own calendar UI: {@code POST /_control/<route>} at the local Google. */
    void inGoogle(String route, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.endpoints().issuerUrl() + "/_control/" + route))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(route + " → " + r.body()).isEqualTo(200);
    }

    Person unconnectedPerson(String name, String tz) throws Exception {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.endpoints().issuerUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email + "&name=" + name.replace(' ', '+') + "&tz=" + tz)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new Person(field(r.body(), "sub"), email, field(r.body(), "access_token"));
    }

    /** Calls scheduling-service and checks the status; returns the body. */
    String call(String method, String path, Person who, String json, int expected) throws Exception {
        return call(method, path, who, json, expected, true, null);
    }

    /** The same, taking the first answer even if the person's new connection has not reached scheduling-service yet. */
    String callAtOnce(String method, String path, Person who, String json, int expected) throws Exception {
        return call(method, path, who, json, expected, false, null);
    }

    /** The same as {@link #call}, as part of the caller's trace: a W3C {@code traceparent} header. */
    String callTraced(String traceparent, String method, String path, Person who, String json, int expected) throws Exception {
        return call(method, path, who, json, expected, true, traceparent);
    }

    private String call(String method, String path, Person who, String json, int expected, boolean waitForGate, String traceparent)
            throws Exception {
        String api = apis.get(Math.floorMod(nextApi.getAndIncrement(), apis.size()));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + who.token());
        if (traceparent != null) {
            b.header("traceparent", traceparent);
        }
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        Instant gateDeadline = Instant.now().plusSeconds(15);
        // A fresh connection reaches scheduling-service over Kafka a moment after the callback answered.
        while (waitForGate && expected != 403 && r.statusCode() == 403 && r.body().contains("calendar_not_connected") && Instant.now().isBefore(gateDeadline)) {
            Thread.sleep(200);
            r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isEqualTo(expected);
        return r.body();
    }

    /** The room stream ({@code GET /api/practice-rooms/stream}) of {@code who} on scheduling-service's replica {@code replica}. */
    RoomStream roomStream(Person who, int replica) throws Exception {
        return RoomStream.open(HTTP, URI.create(apis.get(replica) + "/api/practice-rooms/stream"), who.token());
    }

    /** Calls calcom-gateway and checks the status; returns the body. */
    String gateway(String method, String path, Person who, String json, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.services().get(3).url() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + who.token());
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isEqualTo(expected);
        return r.body();
    }

    /** A signed-in person whose token carries the admin role (the {@code groups} claim). */
    Person admin(String name) throws Exception {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.endpoints().issuerUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email + "&name=" + name.replace(' ', '+') + "&tz=UTC&roles=admin")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new Person(field(r.body(), "sub"), email, field(r.body(), "access_token"));
    }

    /** What a person does on Cal.com's own pages: {@code POST /_control/<route>} at the local Cal.com. */
    String onCalcom(String route, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.calcomUrl() + "/_control/" + route))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(route + " → " + r.body()).isBetween(200, 201);
        return r.body();
    }

    /** A founder booking the team's event type on Cal.com's own booking page ({@code POST /v2/bookings}); the new booking. */
    String bookOnCalcom(long eventTypeId, String start, String name, String email) throws Exception {
        String body = "{\"start\":\"" + start + "\",\"eventTypeId\":" + eventTypeId + ",\"attendee\":{\"name\":\"" + name
                + "\",\"email\":\"" + email + "\",\"timeZone\":\"Europe/Berlin\"}}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.calcomUrl() + "/v2/bookings"))
                .header("Authorization", "Bearer " + stack.calcomApiKey()).header("cal-api-version", LocalCalcom.BOOKINGS_API_VERSION)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("booking on Cal.com → " + r.body()).isEqualTo(201);
        return r.body();
    }

    /** POST to the stack's control endpoint, e.g. {@code /kafka/stop}. */
    void control(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.endpoints().controlUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
    }

    static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no " + name + " in " + json);
    }

    static String line(String ics, String prefix) {
        return ics.lines().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()).trim())
                .orElseThrow(() -> new AssertionError("no " + prefix + " in\n" + ics));
    }

    /** The text/calendar parts of the inbox, oldest first, once there are at least {@code count}. */
    List<String> awaitCalendars(String email, int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<String> found = calendars(email);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            // Counting is cheap, reading every mail is not: read them again once there are enough to be worth reading.
            if (messageCount(email) >= count) {
                found = calendars(email);
            }
        }
        assertThat(found).as("invitations for " + email).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    /** How many mails the inbox holds (0 before its first). */
    private int messageCount(String email) {
        try (Store store = mail.getStore("imap")) {
            store.connect(email, email);
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            int count = folder.getMessageCount();
            folder.close(false);
            return count;
        } catch (MessagingException e) {
            return 0;
        }
    }

    /** The subjects of the inbox's mails, oldest first, read over IMAP. */
    List<String> subjects(String email) throws Exception {
        List<String> subjects = new ArrayList<>();
        try (Store store = mail.getStore("imap")) {
            store.connect(email, email);
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            for (Message m : folder.getMessages()) {
                subjects.add(m.getSubject());
            }
            folder.close(false);
        } catch (MessagingException e) {
            return List.of();
        }
        return subjects;
    }

    /** The text/calendar parts of the inbox, read over IMAP. */
    List<String> calendars(String email) throws Exception {
        List<String> calendars = new ArrayList<>();
        try (Store store = mail.getStore("imap")) {
            store.connect(email, email);
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            for (Message m : folder.getMessages()) {
                // The whole mail in one fetch, its parts read here: part by part over IMAP took several round trips per mail.
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                m.writeTo(raw);
                String calendar = calendarPart(new MimeMessage(mail, new ByteArrayInputStream(raw.toByteArray())));
                if (calendar != null) {
                    calendars.add(calendar.replace("\r\n ", "").replace("\r\n", "\n"));
                }
            }
            folder.close(false);
        } catch (MessagingException e) {
            return List.of();
        }
        return calendars;
    }

    private static String calendarPart(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/calendar")) {
            Object content = part.getContent();
            return content instanceof String s ? s : new String(((InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                String found = calendarPart(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        stack.close();
    }
}

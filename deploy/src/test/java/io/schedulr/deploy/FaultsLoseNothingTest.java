package io.schedulr.deploy;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 100 bookings while Kafka is down for 30 s, 100 while SMTP is down for 60 s, 100 while notification-service is killed
 * (kill -9) in the middle of sending: afterwards every inbox, read over IMAP, holds exactly one REQUEST per booking —
 * none missing, none doubled — and the outbox is empty.
 */
class FaultsLoseNothingTest {
    private static final int BOOKINGS = 100;
    private static final Pattern FIELD = Pattern.compile("\"(access_token|sub|id)\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicDays DAYS = new AtomicDays();

    @TempDir
    static Path state;
    private static LocalStack stack;
    private static String api;

    record Person(String id, String email, String token) {
    }

    /** Each booking its own hour, so no two rooms of one host collide. */
    static final class AtomicDays {
        private int hours = 24;

        synchronized Instant next() {
            hours++;
            return Instant.now().plus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        }
    }

    @BeforeAll
    static void startStack() throws Exception {
        int base = ThreadLocalRandom.current().nextInt(40000, 50000);
        while (!allFree(base)) {
            base = ThreadLocalRandom.current().nextInt(40000, 50000);
        }
        StackOptions options = new StackOptions(StackOptions.findRepoRoot(), state, StackPorts.fromBase(base), Duration.ofSeconds(150),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), false);
        stack = LocalStack.start(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        api = "http://localhost:" + StackPorts.fromBase(base).scheduling();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void kafkaDownForThirtySeconds() throws Exception {
        Person host = person("Kafka Host");
        control("/kafka/stop");
        Instant stopped = Instant.now();
        List<Person> guests;
        try {
            guests = bookMany(host);
            sleepUntil(stopped.plusSeconds(30));
        } finally {
            control("/kafka/start");
        }
        assertEveryoneGotExactlyOneRequestPerBooking(host, guests);
    }

    @Test
    void smtpDownForSixtySeconds() throws Exception {
        Person host = person("Smtp Host");
        control("/smtp/stop");
        Instant stopped = Instant.now();
        List<Person> guests;
        try {
            guests = bookMany(host);
            sleepUntil(stopped.plusSeconds(60));
        } finally {
            control("/smtp/start");
        }
        assertEveryoneGotExactlyOneRequestPerBooking(host, guests);
    }

    @Test
    void notificationServiceKilledWhileSending() throws Exception {
        Person host = person("Killed Host");
        List<Person> guests = bookMany(host);
        awaitInboxAtLeast(host.email(), 1, Duration.ofSeconds(60));
        ProcessHandle process = ProcessHandle.of(stack.pid("notification-service").orElseThrow()).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
        stack.stop("notification-service");
        stack.restart("notification-service");
        assertEveryoneGotExactlyOneRequestPerBooking(host, guests);
    }

    private static List<Person> bookMany(Person host) throws Exception {
        List<Person> guests = new ArrayList<>();
        for (int i = 0; i < BOOKINGS; i++) {
            Person guest = person("Guest " + i);
            String room = field(call("POST", "/api/practice-room/create", host, "{\"datetimeUtc\":\"" + DAYS.next() + "\"}", 201), "id");
            call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + room + "\",\"guestId\":null}", 200);
            guests.add(guest);
        }
        return guests;
    }

    private static void assertEveryoneGotExactlyOneRequestPerBooking(Person host, List<Person> guests) throws Exception {
        List<String> hostMail = awaitInboxAtLeast(host.email(), BOOKINGS, Duration.ofSeconds(240));
        for (Person guest : guests) {
            awaitInboxAtLeast(guest.email(), 1, Duration.ofSeconds(60));
        }
        Thread.sleep(3000); // anything doubled would have arrived by now
        hostMail = calendars(host.email());
        Set<String> uids = new HashSet<>();
        hostMail.forEach(ics -> uids.add(line(ics, "UID:")));
        assertThat(hostMail).as("the host's invitations").hasSize(BOOKINGS).allMatch(ics -> ics.contains("METHOD:REQUEST"));
        assertThat(uids).as("one per booking").hasSize(BOOKINGS);
        for (Person guest : guests) {
            assertThat(calendars(guest.email())).as("invitations of " + guest.email()).hasSize(1)
                    .allMatch(ics -> ics.contains("METHOD:REQUEST"));
        }
        assertThat(unpublishedOutboxRows()).as("the outbox drained").isZero();
    }

    private static long unpublishedOutboxRows() throws Exception {
        try (var c = java.sql.DriverManager.getConnection(stack.endpoints().jdbcUrl("scheduling"), stack.endpoints().postgresUser(),
                stack.endpoints().postgresPassword()); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void control(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.endpoints().controlUrl() + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
    }

    private static Person person(String name) throws Exception {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.endpoints().issuerUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email + "&name=" + name.replace(' ', '+'))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new Person(field(r.body(), "sub"), email, field(r.body(), "access_token"));
    }

    private static String call(String method, String path, Person who, String json, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + who.token()).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isEqualTo(expected);
        return r.body();
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no " + name + " in " + json);
    }

    private static String line(String ics, String prefix) {
        return ics.lines().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()).trim())
                .orElseThrow(() -> new AssertionError("no " + prefix + " in\n" + ics));
    }

    private static List<String> awaitInboxAtLeast(String email, int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<String> found = calendars(email);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            found = calendars(email);
        }
        assertThat(found).as("invitations for " + email).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    /** The text/calendar parts of the inbox, read over IMAP. */
    private static List<String> calendars(String email) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", "localhost");
        props.put("mail.imap.port", String.valueOf(stack.endpoints().imapPort()));
        List<String> calendars = new ArrayList<>();
        try (Store store = Session.getInstance(props).getStore("imap")) {
            store.connect(email, email);
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            for (Message m : folder.getMessages()) {
                String calendar = calendarPart(m);
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

    private static boolean allFree(int base) {
        for (int port = base; port < base + 11; port++) {
            if (PortCheck.isTaken(port)) {
                return false;
            }
        }
        return true;
    }
}

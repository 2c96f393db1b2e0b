package io.schedulr.deploy;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's acceptance criteria across services, on the real local stack: a booking (Phase 1 or Phase 3) emails
 * host and guest an iCalendar REQUEST, a reschedule a REQUEST with a higher SEQUENCE, a deletion a CANCEL.
 */
class EndToEndInvitationTest {
    private static final Pattern FIELD = Pattern.compile("\"(access_token|sub|id)\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path state;
    private static LocalStack stack;
    private static String api;

    record Person(String id, String email, String token) {
    }

    @BeforeAll
    static void startStack() throws Exception {
        int base = ThreadLocalRandom.current().nextInt(30000, 40000);
        while (!allFree(base)) {
            base = ThreadLocalRandom.current().nextInt(30000, 40000);
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
    void phaseOneBookRescheduleDeleteEmailsBothPeople() throws Exception {
        Person host = person("Hana Host", "Europe/Berlin");
        Person guest = person("Gus Guest", "America/New_York");
        String roomId = createRoom(host, 3);
        Thread.sleep(1500);
        assertThat(inbox(host.email())).as("creating a room sends nothing").isEmpty();

        call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}", 200);
        String hostRequest = awaitCalendar(host.email(), 1).get(0);
        String guestRequest = awaitCalendar(guest.email(), 1).get(0);
        assertThat(hostRequest).contains("METHOD:REQUEST", "SEQUENCE:0");
        assertThat(guestRequest).contains("METHOD:REQUEST", "ATTENDEE");
        String uid = line(hostRequest, "UID:");
        assertThat(line(guestRequest, "UID:")).isEqualTo(uid);

        String later = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        call("POST", "/api/practice-room/update", host, "{\"roomId\":\"" + roomId + "\",\"datetimeUtc\":\"" + later + "\"}", 200);
        String moved = awaitCalendar(guest.email(), 2).get(1);
        assertThat(moved).contains("METHOD:REQUEST");
        assertThat(line(moved, "UID:")).isEqualTo(uid);
        assertThat(sequence(moved)).isGreaterThan(0);

        call("DELETE", "/api/practice-room/" + roomId, host, null, 204);
        String cancel = awaitCalendar(host.email(), 3).get(2);
        assertThat(cancel).contains("METHOD:CANCEL", "STATUS:CANCELLED");
        assertThat(line(cancel, "UID:")).isEqualTo(uid);
        assertThat(sequence(cancel)).isGreaterThan(sequence(moved));
        assertThat(awaitCalendar(guest.email(), 3)).hasSize(3);
    }

    @Test
    void phaseThreeSlotBookingEmailsTheSameInvitation() throws Exception {
        Person host = person("Slot Host", "Europe/London");
        Person guest = person("Slot Guest", "Asia/Tokyo");
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        call("POST", "/api/slots", host, "[{\"startTs\":\"" + start + "\",\"endTs\":\"" + start.plus(1, ChronoUnit.HOURS) + "\"},"
                + "{\"startTs\":\"" + start.plus(2, ChronoUnit.HOURS) + "\",\"endTs\":\"" + start.plus(3, ChronoUnit.HOURS) + "\"}]", 201);
        String open = call("GET", "/api/slots?status=open&limit=200", guest, null, 200);
        Matcher ids = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"hostId\"\\s*:\\s*\"" + host.id() + "\"").matcher(open);
        assertThat(ids.find()).as("the host's slots are listed to the guest").isTrue();
        String slotId = ids.group(1);

        call("POST", "/api/slots/" + slotId + "/book", guest, null, 200);
        assertThat(awaitCalendar(host.email(), 1).get(0)).contains("METHOD:REQUEST", "DTSTART:" + ical(start));
        assertThat(awaitCalendar(guest.email(), 1).get(0)).contains("METHOD:REQUEST", "DTEND:" + ical(start.plus(1, ChronoUnit.HOURS)));

        call("DELETE", "/api/slots/" + slotId, host, null, 200);
        assertThat(awaitCalendar(guest.email(), 2).get(1)).contains("METHOD:CANCEL");
    }

    @Test
    void aBookingMadeWhileNotificationServiceIsDownIsEmailedOnceItIsBack() throws Exception {
        Person host = person("Down Host", "Europe/Paris");
        Person guest = person("Down Guest", "UTC");
        String roomId = createRoom(host, 6);

        stack.stop("notification-service");
        try {
            call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + roomId + "\",\"guestId\":\"" + guest.id() + "\"}", 200);
            Thread.sleep(2000);
            assertThat(inbox(guest.email())).as("nobody sends mail while notification-service is down").isEmpty();
        } finally {
            stack.restart("notification-service");
        }

        assertThat(awaitCalendar(host.email(), 1).get(0)).contains("METHOD:REQUEST");
        assertThat(awaitCalendar(guest.email(), 1).get(0)).contains("METHOD:REQUEST");
        Thread.sleep(2000);
        assertThat(inbox(guest.email())).as("sent once, not again after the restart").hasSize(1);
    }

    /** A room on the hour, {@code days} from now; returns its id. */
    private static String createRoom(Person host, int days) throws Exception {
        String when = Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).toString();
        return field(call("POST", "/api/practice-room/create", host, "{\"datetimeUtc\":\"" + when + "\"}", 201), "id");
    }

    private static String ical(Instant t) {
        return t.toString().replace("-", "").replace(":", "");
    }

    private static int sequence(String ics) {
        return Integer.parseInt(line(ics, "SEQUENCE:"));
    }

    private static String line(String ics, String prefix) {
        return ics.lines().filter(l -> l.startsWith(prefix)).findFirst().map(l -> l.substring(prefix.length()).trim())
                .orElseThrow(() -> new AssertionError("no " + prefix + " in\n" + ics));
    }

    private static Person person(String name, String tz) throws Exception {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.endpoints().issuerUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email + "&name=" + name.replace(' ', '+') + "&tz=" + tz)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new Person(field(r.body(), "sub"), email, field(r.body(), "access_token"));
    }

    private static String call(String method, String path, Person who, String json, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(20))
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

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no " + name + " in " + json);
    }

    /** The text/calendar parts of the inbox, oldest first, once there are at least {@code count}. */
    private static List<String> awaitCalendar(String email, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        List<String> found = inbox(email);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            found = inbox(email);
        }
        assertThat(found).as("invitations for " + email).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    private static List<String> inbox(String email) throws Exception {
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

    private static String calendarPart(jakarta.mail.Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/calendar")) {
            Object content = part.getContent();
            return content instanceof String s ? s : new String(((java.io.InputStream) content).readAllBytes(), StandardCharsets.UTF_8);
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

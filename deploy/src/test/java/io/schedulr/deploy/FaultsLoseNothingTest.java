package io.schedulr.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of every service (as deploy/kubernetes runs them), each schema migrated once by a migrate-and-exit run,
 * API calls spread over both scheduling-service replicas in turn. 100 bookings while Kafka is down for 30 s, 100 while SMTP is down for 60 s, 100 while notification-service is killed
 * (one replica killed with kill -9) in the middle of sending: afterwards every inbox, read over IMAP, holds exactly one REQUEST per booking —
 * none missing, none doubled — and the outbox is empty. The host creates the rooms, then disconnects their Google
 * calendar before the fault, so every invitation is notification-service's email (with a connected host Google would
 * invite the guests instead: docs/operations.md, "Who sends the invitation").
 * <p>
 * The guests and the host's rooms are made before the fault, a few at a time, and then only the bookings run during it:
 * making each guest (sign-in and Google connect) one after the other between the bookings took longer than the 30 s
 * outage itself.
 */
class FaultsLoseNothingTest {
    private static final int BOOKINGS = 100;
    private static final Duration DRAIN = Duration.ofSeconds(240);
    private static int hoursAhead = 24;
    /** A few calls at a time: the stack shares the machine's cores with this JVM. */
    private static final int PARALLEL = 4;

    @TempDir
    static Path state;
    private static StackClient client;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(PARALLEL);

    @BeforeAll
    static void startStack() throws Exception {
        client = StackClient.start(state, options -> options.withReplicas(2));
    }

    @AfterAll
    static void stopStack() {
        POOL.shutdownNow();
        if (client != null) {
            client.close();
        }
    }

    /**
     * Rooms booked, rescheduled and deleted through alternating replicas: both replicas' live streams show every room's
     * changes once each and in order; the host's Google calendar (mirrored by both calendar-sync replicas) follows to the
     * end, and every guest's invitations from Google arrive in SEQUENCE order, ending with the CANCEL.
     */
    @Test
    void roomsChangedThroughBothReplicasReachEveryoneOnceAndInOrder() throws Exception {
        int count = 20;
        StackClient.Person host = client.person("Replica Host", "Europe/Berlin");
        List<StackClient.Person> guests = guests("Guest", count);
        List<String> rooms;
        try (RoomStream first = client.roomStream(host, 0); RoomStream second = client.roomStream(host, 1)) {
            rooms = rooms(host, count);
            book(guests, rooms);
            for (String room : rooms) {
                String later = Instant.now().plus(++hoursAhead + 24L * 30, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toString();
                client.call("POST", "/api/practice-room/update", host, "{\"roomId\":\"" + room + "\",\"datetimeUtc\":\"" + later + "\"}", 200);
            }
            for (String room : rooms) {
                client.call("DELETE", "/api/practice-room/" + room, host, null, 204);
            }
            first.await(rooms, 4, Duration.ofSeconds(60));
            second.await(rooms, 4, Duration.ofSeconds(60));
            Thread.sleep(2000); // anything doubled would have arrived by now
            for (RoomStream stream : List.of(first, second)) {
                stream.await(rooms, 4, Duration.ZERO).forEach((room, types) -> assertThat(types)
                        .as("room " + room + " on a replica's live stream").containsExactly(
                                "io.schedulr.room.created.v1", "io.schedulr.room.booked.v1", "io.schedulr.room.rescheduled.v1", "io.schedulr.room.cancelled.v1"));
            }
        }
        Instant deadline = Instant.now().plus(DRAIN);
        eachInParallel(guests, guest -> {
            while (cancels(client.calendars(guest.email())) < 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(500);
            }
            return null;
        });
        Thread.sleep(3000); // anything doubled or late would have arrived by now
        List<List<String>> inboxes = eachInParallel(guests, guest -> client.calendars(guest.email()));
        for (int g = 0; g < guests.size(); g++) {
            StackClient.Person guest = guests.get(g);
            List<String> mails = inboxes.get(g);
            assertThat(mails).as("invitations of " + guest.email()).isNotEmpty()
                    .allMatch(ics -> StackClient.line(ics, "UID:").equals(StackClient.line(mails.get(0), "UID:")));
            List<Integer> sequences = mails.stream().map(ics -> Integer.parseInt(StackClient.line(ics, "SEQUENCE:"))).toList();
            assertThat(sequences).as("SEQUENCE of the mails to " + guest.email() + ", in arrival order").isSorted();
            // Once each: a booking right after the host connected was once invited by Google and emailed by us too.
            assertThat(mails.stream().map(ics -> StackClient.line(ics, "METHOD:") + " " + StackClient.line(ics, "SEQUENCE:")).toList())
                    .as("METHOD and SEQUENCE of the mails to " + guest.email()).doesNotHaveDuplicates();
            assertThat(StackClient.line(mails.get(mails.size() - 1), "METHOD:")).as("the last mail to " + guest.email()).isEqualTo("CANCEL");
        }
        assertThat(confirmedEvents(host)).as("the host's Google calendar after the deletions").isEmpty();
        assertThat(unpublishedOutboxRows()).as("the outbox drained").isZero();
    }

    private static long cancels(List<String> calendars) {
        return calendars.stream().filter(ics -> ics.contains("METHOD:CANCEL")).count();
    }

    /**
     * Issue 20: two replicas of notification-service claim due reminders from the same table; each person gets each
     * reminder once (a one-minute reminder of a session starting in about 70 s), and none for a session deleted before.
     */
    @Test
    void eachReminderReachesEachPersonOnceFromTwoReplicasAndNoneForADeletedSession() throws Exception {
        StackClient.Person host = client.person("Reminded Host", "Europe/Berlin");
        StackClient.Person guest = client.person("Reminded Guest", "Asia/Tokyo");
        StackClient.Person dropped = client.person("Dropped Guest", "UTC");
        for (StackClient.Person p : List.of(host, guest, dropped)) {
            client.call("PUT", "/api/me/preferences", p, "{\"reminderMinutes\":[1],\"reminderChannel\":\"email\"}", 200);
        }
        Thread.sleep(3000); // the preferences reach notification-service before the bookings do (either order works; this keeps it fast)
        Instant start = Instant.now().plusSeconds(66).truncatedTo(ChronoUnit.SECONDS);
        String room = StackClient.field(client.call("POST", "/api/practice-room/create", host, "{\"datetimeUtc\":\"" + start + "\"}", 201), "id");
        client.call("POST", "/api/practice-room/update", guest, "{\"roomId\":\"" + room + "\",\"guestId\":null}", 200);
        String deleted = StackClient.field(client.call("POST", "/api/practice-room/create", host,
                "{\"datetimeUtc\":\"" + start.plus(2, ChronoUnit.HOURS) + "\"}", 201), "id");
        client.call("POST", "/api/practice-room/update", dropped, "{\"roomId\":\"" + deleted + "\",\"guestId\":null}", 200);
        client.call("DELETE", "/api/practice-room/" + deleted, host, null, 204);

        Instant deadline = start.plusSeconds(5);
        while (Instant.now().isBefore(deadline) && (reminders(host).isEmpty() || reminders(guest).isEmpty())) {
            Thread.sleep(500);
        }
        Thread.sleep(11_000); // two sending rounds of each replica: a reminder sent twice would be here by now
        assertThat(reminders(host)).as("reminders of the host").hasSize(1);
        assertThat(reminders(guest)).as("reminders of the guest").singleElement().asString().contains("(Asia/Tokyo");
        assertThat(reminders(dropped)).as("reminders of the guest whose session was deleted").isEmpty();
    }

    private static List<String> reminders(StackClient.Person person) throws Exception {
        return client.subjects(person.email()).stream().filter(subject -> subject != null && subject.startsWith("Reminder:")).toList();
    }

    @Test
    void kafkaDownForThirtySeconds() throws Exception {
        StackClient.Person host = client.person("Kafka Host", "UTC");
        List<String> rooms = roomsOfAHostWithoutCalendar(host);
        List<StackClient.Person> guests = guests("Guest", BOOKINGS);
        client.control("/kafka/stop");
        Instant stopped = Instant.now();
        try {
            book(guests, rooms);
            sleepUntil(stopped.plusSeconds(30));
        } finally {
            client.control("/kafka/start");
        }
        assertEveryoneGotExactlyOneRequestPerBooking(host, guests);
    }

    @Test
    void smtpDownForSixtySeconds() throws Exception {
        StackClient.Person host = client.person("Smtp Host", "UTC");
        List<String> rooms = roomsOfAHostWithoutCalendar(host);
        List<StackClient.Person> guests = guests("Guest", BOOKINGS);
        client.control("/smtp/stop");
        Instant stopped = Instant.now();
        try {
            book(guests, rooms);
            sleepUntil(stopped.plusSeconds(60));
        } finally {
            client.control("/smtp/start");
        }
        assertEveryoneGotExactlyOneRequestPerBooking(host, guests);
    }

    @Test
    void notificationServiceKilledWhileSending() throws Exception {
        StackClient.Person host = client.person("Killed Host", "UTC");
        List<String> rooms = roomsOfAHostWithoutCalendar(host);
        List<StackClient.Person> guests = guests("Guest", BOOKINGS);
        book(guests, rooms);
        client.awaitCalendars(host.email(), 1, Duration.ofSeconds(60));
        LocalStack stack = client.stack();
        ProcessHandle process = ProcessHandle.of(stack.pid("notification-service").orElseThrow()).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
        stack.stop("notification-service");
        // The other replica takes over at once; the killed one comes back meanwhile, as Kubernetes would replace it.
        CompletableFuture<Void> replaced = restartMeanwhile("notification-service");
        assertEveryoneGotExactlyOneRequestPerBooking(host, guests);
        replaced.join();
    }

    @Test
    void calendarSyncKilledWhileGoogleThrottles() throws Exception {
        int bookings = 40;
        StackClient.Person host = client.person("Mirror Host", "Europe/Berlin");
        List<String> rooms = rooms(host, bookings);
        List<StackClient.Person> guests = guests("Mirror Guest", bookings);
        // Google throttles while the rooms are booked and mirrored.
        client.inGoogle("fail", "{\"count\": 25, \"status\": 429}");
        for (int i = 0; i < bookings; i++) {
            client.call("POST", "/api/practice-room/update", guests.get(i), "{\"roomId\":\"" + rooms.get(i) + "\",\"guestId\":null}", 200);
        }
        // Some rooms are on Google, the rest still queued or backing off: kill calendar-sync-service there.
        Instant deadline = Instant.now().plus(DRAIN);
        while (confirmedEvents(host).size() < 3 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        LocalStack stack = client.stack();
        ProcessHandle process = ProcessHandle.of(stack.pid("calendar-sync-service").orElseThrow()).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
        stack.stop("calendar-sync-service");
        CompletableFuture<Void> replaced = restartMeanwhile("calendar-sync-service");

        while (confirmedEvents(host).size() < bookings && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        Thread.sleep(3000); // anything doubled would have arrived by now
        List<String> uids = confirmedEvents(host);
        assertThat(uids).as("one Google event per booking on the host's calendar").hasSize(bookings).doesNotHaveDuplicates();
        eachInParallel(guests, guest -> {
            List<String> invitations = client.awaitCalendars(guest.email(), 1, Duration.ofSeconds(60));
            assertThat(client.calendars(guest.email())).as("Google's invitation of " + guest.email()).hasSize(1)
                    .allMatch(ics -> ics.contains("METHOD:REQUEST"));
            assertThat(uids).contains(StackClient.line(invitations.get(0), "UID:"));
            return null;
        });
        assertThat(client.calendars(host.email())).as("the host has them on their calendar, not by mail").isEmpty();
        assertThat(calendarsWatchedTwice()).as("push channels opened by both replicas' watch job for one calendar").isEmpty();
        replaced.join();
    }

    private static CompletableFuture<Void> restartMeanwhile(String replica) {
        return CompletableFuture.runAsync(() -> {
            try {
                client.stack().restart(replica);
            } catch (StackException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** Calendars with more than one live push channel: the watch job would have run once per replica. */
    private static List<String> calendarsWatchedTwice() throws Exception {
        var endpoints = client.stack().endpoints();
        List<String> calendars = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl("calendar_sync"), endpoints.postgresUser(), endpoints.postgresPassword());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT calendar_id FROM webhook_channels WHERE status IN ('opening', 'active') "
                     + "GROUP BY calendar_id HAVING count(*) > 1")) {
            while (r.next()) {
                calendars.add(r.getString(1));
            }
        }
        return calendars;
    }

    /** The iCalUIDs of the live events on the person's Google calendars. */
    private static List<String> confirmedEvents(StackClient.Person person) throws Exception {
        List<String> uids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{[^{}]*?\"iCalUID\"\\s*:\\s*\"([^\"]+)\"[^{}]*?\"status\"\\s*:\\s*\"confirmed\"")
                .matcher(client.googleEvents(person));
        while (m.find()) {
            uids.add(m.group(1));
        }
        return uids;
    }

    /** {@code BOOKINGS} rooms of the host, each its own hour; then the host disconnects their calendar. */
    private static List<String> roomsOfAHostWithoutCalendar(StackClient.Person host) throws Exception {
        return roomsOfAHostWithoutCalendar(host, BOOKINGS);
    }

    private static List<String> roomsOfAHostWithoutCalendar(StackClient.Person host, int count) throws Exception {
        List<String> rooms = rooms(host, count);
        client.disconnectCalendar(host);
        return rooms;
    }

    /** {@code count} rooms of the host, each its own hour, made a few at a time. */
    private static List<String> rooms(StackClient.Person host, int count) throws Exception {
        List<String> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(Instant.now().plus(++hoursAhead, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).toString());
        }
        return eachInParallel(times, when -> StackClient.field(
                client.call("POST", "/api/practice-room/create", host, "{\"datetimeUtc\":\"" + when + "\"}", 201), "id"));
    }

    /** {@code count} new people, each signed in with Google Calendar connected, made a few at a time. */
    private static List<StackClient.Person> guests(String name, int count) throws Exception {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(i);
        }
        return eachInParallel(numbers, i -> client.person(name + " " + i, "UTC"));
    }

    /** Guest i books room i, a few bookings at a time. */
    private static void book(List<StackClient.Person> guests, List<String> rooms) throws Exception {
        assertThat(guests).hasSameSizeAs(rooms);
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < rooms.size(); i++) {
            numbers.add(i);
        }
        eachInParallel(numbers, i -> client.call("POST", "/api/practice-room/update", guests.get(i),
                "{\"roomId\":\"" + rooms.get(i) + "\",\"guestId\":null}", 200));
    }

    /** {@code task} for every item on {@code PARALLEL} threads; the results in the items' order; the first failure thrown. */
    private static <T, R> List<R> eachInParallel(List<T> items, ParallelTask<T, R> task) throws Exception {
        List<Callable<R>> calls = items.stream().<Callable<R>>map(item -> () -> task.apply(item)).toList();
        List<R> results = new ArrayList<>();
        for (Future<R> future : POOL.invokeAll(calls)) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw (Exception) e.getCause();
            }
        }
        return results;
    }

    @FunctionalInterface
    private interface ParallelTask<T, R> {
        R apply(T item) throws Exception;
    }

    private static void assertEveryoneGotExactlyOneRequestPerBooking(StackClient.Person host, List<StackClient.Person> guests)
            throws Exception {
        client.awaitCalendars(host.email(), BOOKINGS, DRAIN);
        eachInParallel(guests, guest -> client.awaitCalendars(guest.email(), 1, Duration.ofSeconds(60)));
        Thread.sleep(3000); // anything doubled would have arrived by now
        List<StackClient.Person> everyone = new ArrayList<>(List.of(host));
        everyone.addAll(guests);
        List<List<String>> inboxes = eachInParallel(everyone, person -> client.calendars(person.email()));
        List<String> hostMail = inboxes.get(0);
        Set<String> uids = new HashSet<>();
        hostMail.forEach(ics -> uids.add(StackClient.line(ics, "UID:")));
        assertThat(hostMail).as("the host's invitations").hasSize(BOOKINGS).allMatch(ics -> ics.contains("METHOD:REQUEST"));
        assertThat(uids).as("one per booking").hasSize(BOOKINGS);
        for (int g = 0; g < guests.size(); g++) {
            assertThat(inboxes.get(g + 1)).as("invitations of " + guests.get(g).email()).hasSize(1)
                    .allMatch(ics -> ics.contains("METHOD:REQUEST"));
        }
        assertThat(unpublishedOutboxRows()).as("the outbox drained").isZero();
    }

    private static long unpublishedOutboxRows() throws Exception {
        var endpoints = client.stack().endpoints();
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl("scheduling"), endpoints.postgresUser(), endpoints.postgresPassword());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM outbox WHERE published_at IS NULL")) {
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
}

package io.schedulr.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.schedulr.bench.Bench.ms;
import static io.schedulr.bench.Bench.row;
import static io.schedulr.bench.Bench.section;

/**
 * Section 6 (issue 18): the live stream. {@code bench.streamSubscribers} (1,000) open {@code GET /api/practice-rooms/stream}
 * (as {@code bench.streamViewers} people, several tabs each), then {@code bench.streamBookings} (50) public rooms are
 * booked one after the other: for each booking, the time from sending it until each subscriber has its
 * {@code booked} event (p50/p99 over every subscriber and booking) and until the last one has it. Beside it the floor
 * that any stream fed from Kafka has: the time until a plain consumer of the room-events topic reads the record.
 */
final class LiveStreamSection {
    private static final String TOPIC = "scheduling.room-events.v1";
    private static final Pattern BOOKED = Pattern.compile("\"type\"\\s*:\\s*\"" + Pattern.quote(Bench.BOOKED)
            + "\".*?\"room\"\\s*:\\s*\\{[^}]*?\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final Api api;
    private final GoogleSection.Minter minter;
    private final String kafkaBootstrap;
    private final List<String> table;
    private final List<String> failures;
    private final int subscribers = Integer.getInteger("bench.streamSubscribers", 1000);
    private final int viewers = Integer.getInteger("bench.streamViewers", 20);
    private final int bookings = Integer.getInteger("bench.streamBookings", 50);
    private final int pauseMs = Integer.getInteger("bench.streamPauseMs", 200);

    /** Room id → when its booking was sent (nanoTime). */
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    /** Room id → nanoTime of each subscriber's receipt. */
    private final Map<String, List<Long>> received = new ConcurrentHashMap<>();
    private final Map<String, Long> onKafka = new ConcurrentHashMap<>();

    private final Map<String, String> bookedBy;
    private final Map<String, Integer> expectedMail;

    LiveStreamSection(Api api, GoogleSection.Minter minter, String kafkaBootstrap, List<String> table, List<String> failures,
                      Map<String, String> bookedBy, Map<String, Integer> expectedMail) {
        this.bookedBy = bookedBy;
        this.expectedMail = expectedMail;
        this.api = api;
        this.minter = minter;
        this.kafkaBootstrap = kafkaBootstrap;
        this.table = table;
        this.failures = failures;
    }

    void run() throws Exception {
        List<Api.User> people = minter.mint("sv", viewers);
        Api.User host = api.mint("stream-host@bench.test", "StreamHost");
        List<Api.User> guests = minter.mint("sg", bookings);
        expectedMail.merge(host.email(), Bench.HOST_MAILS * bookings, Integer::sum);
        List<String> rooms = new ArrayList<>();
        Instant base = Instant.now().plus(500, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < bookings; i++) {
            rooms.add(api.createRoom(host, base.plus(i, ChronoUnit.HOURS).toString()));
        }
        rooms.forEach(room -> received.put(room, java.util.Collections.synchronizedList(new ArrayList<>())));

        Bench.log("live stream: opening %d subscriptions as %d people ...", subscribers, viewers);
        java.util.concurrent.ExecutorService callbacks = Executors.newFixedThreadPool(4);
        try {
            measure(rooms, people, guests, callbacks);
        } finally {
            callbacks.shutdownNow();
        }
    }

    private void measure(List<String> rooms, List<Api.User> people, List<Api.User> guests, java.util.concurrent.ExecutorService callbacks)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(callbacks).connectTimeout(Duration.ofSeconds(10)).build();
        CountDownLatch connected = new CountDownLatch(subscribers);
        List<CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            Api.User viewer = people.get(i % people.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.schedulingUrl() + "/api/practice-rooms/stream"))
                    .header("Authorization", "Bearer " + viewer.token()).header("Accept", "text/event-stream").GET().build();
            streams.add(http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(connected))));
        }
        boolean all = connected.await(120, TimeUnit.SECONDS);
        int open = subscribers - (int) connected.getCount();
        if (!all) {
            failures.add("live stream: only " + open + " of " + subscribers + " subscriptions got their 'connected' event");
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread kafka = new Thread(() -> readKafka(stop), "bench-kafka-floor");
        kafka.start();
        Thread.sleep(3000); // the consumer has its partitions

        Bench.log("live stream: %d bookings, one every %d ms, to %d subscribers ...", bookings, pauseMs, open);
        for (int i = 0; i < bookings; i++) {
            String room = rooms.get(i);
            sentAt.put(room, System.nanoTime());
            Api.Answer a = api.book(guests.get(i), room);
            if (a.status() != 200) {
                failures.add("live stream: booking " + room + " answered " + a.status() + ": " + Bench.clip(a.body()));
            } else {
                bookedBy.put(room, guests.get(i).id());
                expectedMail.merge(guests.get(i).email(), Bench.GUEST_MAILS, Integer::sum);
            }
            Thread.sleep(pauseMs);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && rooms.stream().anyMatch(r -> received.get(r).size() < open || !onKafka.containsKey(r))) {
            Thread.sleep(100);
        }
        stop.set(true);
        kafka.join(10_000);
        streams.forEach(f -> f.cancel(true));

        List<Long> each = new ArrayList<>();
        List<Long> last = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        long missing = 0;
        for (String room : rooms) {
            long sent = sentAt.get(room);
            List<Long> got;
            synchronized (received.get(room)) {
                got = List.copyOf(received.get(room));
            }
            missing += Math.max(0, open - got.size());
            got.forEach(t -> each.add(t - sent));
            got.stream().mapToLong(Long::longValue).max().ifPresent(t -> last.add(t - sent));
            Long k = onKafka.get(room);
            if (k != null) {
                floor.add(k - sent);
            }
        }
        if (missing > 0) {
            failures.add("live stream: " + missing + " booked events never reached their subscriber");
        }
        table.add(section("6. Live stream (" + open + " SSE subscribers as " + viewers + " people; " + bookings
                + " bookings, one every " + pauseMs + " ms)"));
        table.add(row("", "events", "p50", "p99", "max"));
        table.add(row("booking sent -> each subscriber has it", String.valueOf(each.size()), ms(pct(each, 50)), ms(pct(each, 99)),
                ms(pct(each, 100))));
        table.add(row("booking sent -> the last subscriber has it", String.valueOf(last.size()), ms(pct(last, 50)), ms(pct(last, 99)),
                ms(pct(last, 100))));
        table.add(row("  booking sent -> record on Kafka (floor)", String.valueOf(floor.size()), ms(pct(floor, 50)), ms(pct(floor, 99)),
                ms(pct(floor, 100))));
    }

    private static double pct(List<Long> nanos, double p) {
        return Stats.percentile(nanos.stream().mapToDouble(n -> n / 1e6).toArray(), p);
    }

    private void readKafka(AtomicBoolean stop) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!stop.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    if (record.value() != null && record.value().contains(Bench.BOOKED) && received.containsKey(record.key())) {
                        onKafka.putIfAbsent(record.key(), now);
                    }
                }
            }
        } catch (RuntimeException e) {
            synchronized (failures) {
                failures.add("live stream: the Kafka floor consumer failed: " + e);
            }
        }
    }

    /** One subscription: counts "connected", timestamps each booked event of a room of this section. */
    private final class Lines implements Flow.Subscriber<String> {
        private final CountDownLatch connected;

        Lines(CountDownLatch connected) {
            this.connected = connected;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            if (line.contains("\"connected\"")) {
                connected.countDown();
                return;
            }
            Matcher m = BOOKED.matcher(line);
            if (m.find()) {
                List<Long> times = received.get(m.group(1));
                if (times != null) {
                    times.add(System.nanoTime());
                }
            }
        }

        @Override
        public void onError(Throwable error) {
        }

        @Override
        public void onComplete() {
        }
    }
}

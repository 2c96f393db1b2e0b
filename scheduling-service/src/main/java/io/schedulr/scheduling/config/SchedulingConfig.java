package io.schedulr.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "scheduling")
public interface SchedulingConfig {
    Room room();

    Outbox outbox();

    Events events();

    Video video();

    Slots slots();

    Dates dates();

    Stream stream();

    interface Stream {
        /** How many recent changes a reconnecting client can catch up on (Last-Event-ID). */
        @WithDefault("1000")
        int replayWindow();

        /** Changes that may wait for one slow client before it is dropped (it reconnects and resumes). */
        @WithDefault("256")
        int bufferPerWatcher();
    }

    interface Dates {
        /** How far ahead any time a client sends may lie (sessions, slots, listing bounds). */
        @WithDefault("P1826D")
        Duration maxAhead();
    }

    interface Slots {
        @WithDefault("PT15M")
        Duration minLength();

        @WithDefault("PT8H")
        Duration maxLength();

        /** Enough for a week of availability in one request. */
        @WithDefault("100")
        int maxPerRequest();
    }

    interface Room {
        /** How long a session lasts; the invitation's DTEND is start + this. */
        @WithDefault("PT60M")
        Duration duration();

        /** SUMMARY of the invitation. */
        @WithDefault("Practice interview")
        String title();

        /** Largest page a listing returns. */
        @WithDefault("200")
        int maxPageSize();
    }

    interface Outbox {
        /** Publish outbox rows to Kafka from this replica. */
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("200")
        int batchSize();

        /** Backstop for a missed LISTEN/NOTIFY wake-up; notifications are the normal path. */
        @WithDefault("PT5S")
        Duration backstopInterval();

        /** Longest wait between attempts while Kafka is unreachable. */
        @WithDefault("PT10S")
        Duration maxBackoff();

        /** How often the backlog gauges ({@code schedulr_outbox_*} on /q/metrics) read the outbox table. */
        @WithDefault("PT10S")
        Duration metricsRefresh();

        /** Published rows older than this are deleted (Kafka has them; nothing reads them again). */
        @WithDefault("P7D")
        Duration keepPublished();

        /** How often published rows older than {@link #keepPublished()} are deleted. */
        @WithDefault("PT1H")
        Duration cleanupEvery();
    }

    interface Events {
        /** Where the outbox says the events come from (CloudEvents "source"). */
        @WithDefault("/scheduling-service")
        String source();
    }

    interface Video {
        /** Daily REST API key; without it rooms get a keyless public meeting link. */
        Optional<String> dailyApiKey();

        @WithDefault("https://meet.jit.si")
        String keylessBaseUrl();
    }
}

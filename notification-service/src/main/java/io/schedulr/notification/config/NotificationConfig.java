package io.schedulr.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Everything under {@code notification.*}; every key can be set by its environment variable (NOTIFICATION_...). */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Consumer consumer();

    Dispatch dispatch();

    Hooks hooks();

    Reminders reminders();

    BounceAlerts bounceAlerts();

    /** The room events consumer. All but {@code retryBackoff} feed the SmallRye channel room-events (application.properties). */
    interface Consumer {
        /** Whether the consumer runs in this instance. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("notification-service")
        String groupId();

        @WithDefault("scheduling.room-events.v1")
        String topic();

        @WithDefault("notification.dead-letter.v1")
        String deadLetterTopic();

        /** First pause before a record that failed for a transient reason is tried again (doubles, max 30s, no attempt limit). */
        @WithDefault("PT1S")
        Duration retryBackoff();

        /** A record still not through after this long (retried or waiting) turns readiness DOWN until it goes through. */
        @WithDefault("PT2M")
        Duration stuckAfter();
    }

    interface Dispatch {
        /** Period of the scheduled round that sends parked deliveries once they are due (used by @Scheduled). */
        @WithDefault("5s")
        String every();

        @WithDefault("50")
        int batchSize();

        /** Mails sent at once; SMTP round trips, not CPU, bound the rate (see docs/performance.md). */
        @WithDefault("8")
        int concurrency();

        /** How long a claimed delivery is reserved for the sender before another round may take it. */
        @WithDefault("PT2M")
        Duration lease();

        /** First delay before a parked (failed) delivery is tried again; doubles per failure up to {@link #redeliveryMax()}. */
        @WithDefault("PT30S")
        Duration redeliveryInitial();

        @WithDefault("PT15M")
        Duration redeliveryMax();

        /** While the mail server is unreachable the dispatcher sends nothing and asks this often whether it answers again. */
        @WithDefault("PT1S")
        Duration probeEvery();

        /** How often the delivery gauges ({@code schedulr_deliveries_*} on /q/metrics) read the delivery table. */
        @WithDefault("PT10S")
        Duration metricsRefresh();
    }

    /** Email reminders before sessions (docs/notifications.md, "Reminders"). */
    interface Reminders {
        /** Period of the reminder sender's round (used by @Scheduled). */
        @WithDefault("5s")
        String every();

        /** Reminders claimed per round trip; a round goes on while batches come back full. */
        @WithDefault("50")
        int batchSize();

        /** How long a claimed reminder is reserved for its sender before another replica may take it. */
        @WithDefault("PT2M")
        Duration lease();

        /** First delay after the mail server refused a reminder; doubles per failure up to {@link #retryMax()}. */
        @WithDefault("PT15S")
        Duration retryInitial();

        @WithDefault("PT2M")
        Duration retryMax();
    }

    /** Mails to an organizer whose invitation did not arrive (docs/notifications.md, "When an invitation does not arrive"). */
    interface BounceAlerts {
        /** Period of the sender's round (used by @Scheduled). */
        @WithDefault("5s")
        String every();

        @WithDefault("50")
        int batchSize();

        /** How long a claimed alert is reserved for its sender before another replica may take it. */
        @WithDefault("PT2M")
        Duration lease();

        /** First delay after the mail server refused an alert; doubles per failure up to {@link #retryMax()}. */
        @WithDefault("PT30S")
        Duration retryInitial();

        @WithDefault("PT15M")
        Duration retryMax();

        /** Sends tried before an alert is given up (at the defaults, about six hours of trying). */
        @WithDefault("30")
        int maxAttempts();
    }

    interface Hooks {
        /** Shared secret of POST /api/hooks/email-status (header X-Hook-Secret). No default: unset, the hook is off. */
        Optional<String> emailStatusSecret();

        /**
         * The secret before the last rotation, still accepted until it is removed
         * ({@code NOTIFICATION_HOOKS_EMAIL_STATUS_PREVIOUS_SECRET}): set it to the old value, change the provider's
         * setting to the new one, then unset it.
         */
        Optional<String> emailStatusPreviousSecret();
    }
}

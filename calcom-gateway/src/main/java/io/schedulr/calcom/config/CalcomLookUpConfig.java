package io.schedulr.calcom.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code calcom.look-up.*}: how meetings still ahead are looked up at Cal.com for changes whose webhooks never came. */
@ConfigMapping(prefix = "calcom.look-up")
public interface CalcomLookUpConfig {
    /** How often a round of look-ups runs (a scheduler interval, e.g. {@code 1m}; {@code off} stops them). */
    @WithDefault("1m")
    String every();

    /** How long after its last look-up a meeting is looked up again. */
    @WithDefault("PT15M")
    Duration lookAgainAfter();

    /** How long a booking made here waits for its BOOKING_CREATED webhook before it is looked up. */
    @WithDefault("PT2M")
    Duration madeGrace();

    /**
     * How often Cal.com's list of bookings is read for bookings made there directly whose BOOKING_CREATED never came (at
     * the next round after it is due; one request per 100 bookings made meanwhile).
     */
    @WithDefault("PT5M")
    Duration listEvery();

    /**
     * The share of Cal.com's rate-limit window look-ups leave to people: a round stops when the key's last answer said
     * no more than this share of its requests is left (a 429 blocks every request of the key for a minute).
     */
    @WithDefault("0.25")
    double leaveToPeople();

    /** Meetings looked up per round: each is one Cal.com request, or one per booking that replaced it. */
    @WithDefault("5")
    int batch();
}

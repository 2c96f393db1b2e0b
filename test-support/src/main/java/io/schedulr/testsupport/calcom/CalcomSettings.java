package io.schedulr.testsupport.calcom;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a local Cal.com is started with: the API keys it accepts (each {@code cal_…}; never logged, never printed by
 * {@link #toString()}), webhook subscriptions that exist from the start (subscriber URL and its secret, as an operator
 * would create them in Cal.com's settings), the rate limit (Cal.com: 120 requests per minute per key, then a 60 s
 * block), how long to wait between delivery attempts, and the seed data.
 *
 * @param apiKeys            keys accepted as {@code Authorization: Bearer <key>}
 * @param webhookSecret      secret of the subscriptions in {@code subscriberUrls}; null sends {@code no-secret-provided}
 * @param subscriberUrls     webhook subscriptions (all booking triggers) that exist when the server starts
 * @param rateLimit          requests per key per {@code rateLimitWindow}; the block after it lasts one window too
 * @param rateLimitWindow    Cal.com's is one minute; tests shorten it
 * @param retryDelay         pause before the second and third delivery attempt
 * @param pingOnSubscribe    whether {@code POST /v2/webhooks} sends a PING to the new subscriber at once
 * @param seed               team, members, working hours and event types
 */
public record CalcomSettings(List<String> apiKeys, String webhookSecret, List<String> subscriberUrls, int rateLimit,
                             Duration rateLimitWindow, Duration retryDelay, boolean pingOnSubscribe, Seed seed) {

    public CalcomSettings {
        apiKeys = List.copyOf(apiKeys);
        subscriberUrls = List.copyOf(subscriberUrls);
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is needed");
        }
        for (String key : apiKeys) {
            if (key == null || !key.startsWith("cal_") || key.length() < 8) {
                throw new IllegalArgumentException("API keys start with cal_ (the offending key is not shown)");
            }
        }
        if (rateLimit < 1) {
            throw new IllegalArgumentException("rateLimit must be at least 1");
        }
        Objects.requireNonNull(rateLimitWindow);
        Objects.requireNonNull(retryDelay);
        Objects.requireNonNull(seed);
    }

    /** Cal.com's own limits, the default seed, no subscriptions, and a PING to every new subscriber. */
    public static CalcomSettings defaults(String... apiKeys) {
        return new CalcomSettings(List.of(apiKeys), null, List.of(), 120, Duration.ofMinutes(1), Duration.ofSeconds(1), true,
                Seed.defaults());
    }

    /** A fresh random development key, {@code cal_local_<32 hex>}; the local stack prints it, nothing stores it. */
    public static String developmentKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "cal_local_" + HexFormat.of().formatHex(bytes);
    }

    public CalcomSettings withWebhook(String subscriberUrl, String secret) {
        List<String> urls = new java.util.ArrayList<>(subscriberUrls);
        urls.add(subscriberUrl);
        return new CalcomSettings(apiKeys, secret, urls, rateLimit, rateLimitWindow, retryDelay, pingOnSubscribe, seed);
    }

    public CalcomSettings withRateLimit(int requests, Duration window) {
        return new CalcomSettings(apiKeys, webhookSecret, subscriberUrls, requests, window, retryDelay, pingOnSubscribe, seed);
    }

    public CalcomSettings withRetryDelay(Duration delay) {
        return new CalcomSettings(apiKeys, webhookSecret, subscriberUrls, rateLimit, rateLimitWindow, delay, pingOnSubscribe, seed);
    }

    public CalcomSettings withPingOnSubscribe(boolean ping) {
        return new CalcomSettings(apiKeys, webhookSecret, subscriberUrls, rateLimit, rateLimitWindow, retryDelay, ping, seed);
    }

    public CalcomSettings withSeed(Seed newSeed) {
        return new CalcomSettings(apiKeys, webhookSecret, subscriberUrls, rateLimit, rateLimitWindow, retryDelay, pingOnSubscribe,
                newSeed);
    }

    /** Never shows keys or the secret. */
    @Override
    public String toString() {
        return "CalcomSettings[apiKeys=" + apiKeys.size() + " (hidden), webhookSecret=" + (webhookSecret == null ? "none" : "(hidden)")
                + ", subscriberUrls=" + subscriberUrls + ", rateLimit=" + rateLimit + "/" + rateLimitWindow + ", retryDelay=" + retryDelay
                + ", pingOnSubscribe=" + pingOnSubscribe + ", seed=" + seed + "]";
    }

    /**
     * The data a fresh local Cal.com holds: one team whose members all work the same hours in one named zone, and
     * team event types that every member hosts.
     *
     * @param teamName        the team's name (its slug is derived)
     * @param timeZone        the members' zone, in which working hours apply
     * @param workStart       working hours start, {@code HH:mm}, Monday to Friday
     * @param workEnd         working hours end, {@code HH:mm}
     * @param members         the first member owns the API key(s) and the team
     * @param eventTypes      team event types, each hosted by every member
     */
    public record Seed(String teamName, String timeZone, String workStart, String workEnd, List<Member> members,
                       List<EventTypeSeed> eventTypes) {
        public Seed {
            members = List.copyOf(members);
            eventTypes = List.copyOf(eventTypes);
            ZoneId.of(timeZone);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("a team needs at least one member");
            }
        }

        public static Seed defaults() {
            return new Seed("Schedulr Interviews", "Europe/Berlin", "09:00", "17:00",
                    List.of(new Member("Ada Host", "ada.host@schedulr.test", "ada-host"),
                            new Member("Ben Panel", "ben.panel@schedulr.test", "ben-panel"),
                            new Member("Cleo Panel", "cleo.panel@schedulr.test", "cleo-panel")),
                    List.of(new EventTypeSeed("interview-30", "Interview (30 min)", 30, "collective"),
                            new EventTypeSeed("interview-45", "Interview (45 min)", 45, "collective"),
                            new EventTypeSeed("interview-60", "Interview (60 min)", 60, "collective")));
        }
    }

    public record Member(String name, String email, String username) {
    }

    /** @param schedulingType {@code collective} (every host attends) or {@code roundRobin} (one free host is picked) */
    public record EventTypeSeed(String slug, String title, int lengthInMinutes, String schedulingType) {
    }
}

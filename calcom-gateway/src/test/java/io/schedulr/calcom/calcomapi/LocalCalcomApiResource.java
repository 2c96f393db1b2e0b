package io.schedulr.calcom.calcomapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.schedulr.testsupport.calcom.CalcomSettings;
import io.schedulr.testsupport.calcom.LocalCalcom;
import io.schedulr.testsupport.infra.InfraPorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Points every {@code @QuarkusTest} of this module at a local Cal.com of this test JVM, with a fresh random key (never a
 * committed one), the seeded team, short retry delays and a short rate-limit window. The test profile decides the
 * variant: {@link Profiles.WrongKey} configures a key the local Cal.com does not accept, {@link Profiles.NoKey} none, and
 * {@link Profiles.RateLimited} a local Cal.com of its own that allows 2 requests per second.
 */
@QuarkusTestResource(LocalCalcomApiResource.class)
public class LocalCalcomApiResource implements QuarkusTestResourceLifecycleManager {
    /** The key the shared local Cal.com accepts; tests grep logs and answers for it. */
    public static final String KEY = CalcomSettings.developmentKey();
    /** The key {@link Profiles.WrongKey} configures; the local Cal.com refuses it. */
    public static final String WRONG_KEY = CalcomSettings.developmentKey();
    /** Every key the tests used, so the log test can look for each. */
    public static final List<String> KEYS = List.of(KEY, WRONG_KEY);
    /** The log file every application of this JVM writes to. */
    public static final String LOG_FILE = "target/calcom-api-tests.log";

    private static LocalCalcom shared;
    private static LocalCalcom rateLimited;
    private String profile;

    public static synchronized LocalCalcom shared() {
        if (shared == null) {
            shared = start(CalcomSettings.defaults(KEY).withPingOnSubscribe(false));
        }
        return shared;
    }

    static synchronized LocalCalcom rateLimited() {
        if (rateLimited == null) {
            rateLimited = start(CalcomSettings.defaults(KEY).withPingOnSubscribe(false).withRateLimit(2, Duration.ofSeconds(1)));
        }
        return rateLimited;
    }

    private static LocalCalcom start(CalcomSettings settings) {
        try {
            return LocalCalcom.start(InfraPorts.free(), settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    @Override
    public Map<String, String> start() {
        boolean limited = Profiles.RateLimited.class.getName().equals(profile);
        LocalCalcom calcom = limited ? rateLimited() : shared();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.calcom.url", calcom.url());
        config.put("calcom.team-id", String.valueOf(calcom.teamId()));
        String key = KEY;
        if (Profiles.WrongKey.class.getName().equals(profile)) {
            key = WRONG_KEY;
        } else if (Profiles.NoKey.class.getName().equals(profile)) {
            key = "";
        }
        config.put("calcom.api-key", key);
        config.put("calcom.rate-limit.window", limited ? "PT5S" : "PT1S");
        config.put("calcom.health-fresh-for", "PT0.5S");
        if (limited) {
            // its test spends the rate limit with event type lists, so each must reach Cal.com
            config.put("calcom.event-types-fresh-for", "PT0S");
            // its look-up test checks that a nearly spent window is left to people (off in the other tests: see %test)
            config.put("calcom.look-up.leave-to-people", "0.25");
        }
        String client = "io.schedulr.calcom.adapter.out.calcomapi.CalcomApiClient";
        config.put(client + "/Retry/delay", "20");
        config.put(client + "/Retry/jitter", "10");
        config.put(client + "/ExponentialBackoff/maxDelay", "200");
        // Everything this service says about Cal.com, down to debug, goes to a file the key-leak test reads.
        config.put("quarkus.log.file.enabled", "true");
        config.put("quarkus.log.file.path", LOG_FILE);
        config.put("quarkus.log.file.level", "ALL");
        config.put("quarkus.log.category.\"io.schedulr.calcom\".level", "DEBUG");
        config.put("quarkus.log.category.\"org.jboss.resteasy.reactive.client\".level", "DEBUG");
        return config;
    }

    @Override
    public void stop() {
        // the local Cal.com belongs to the JVM; several application starts share it
    }
}

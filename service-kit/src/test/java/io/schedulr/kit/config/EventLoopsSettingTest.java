package io.schedulr.kit.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How many Vert.x event loops a service runs with, read as the services read their shared settings. */
class EventLoopsSettingTest {
    private static final String EVENT_LOOPS = "quarkus.vertx.event-loops-pool-size";

    @Test
    void aServiceRunningAsAProductHasOneEventLoop() throws IOException {
        assertThat(config("prod", Map.of()).getOptionalValue(EVENT_LOOPS, Integer.class)).contains(1);
    }

    @Test
    void anOperatorSetsMoreWithSchedulrEventLoopsOrQuarkusOwnName() throws IOException {
        assertThat(config("prod", Map.of("SCHEDULR_EVENT_LOOPS", "4")).getOptionalValue(EVENT_LOOPS, Integer.class)).contains(4);
        assertThat(config("prod", Map.of("QUARKUS_VERTX_EVENT_LOOPS_POOL_SIZE", "3")).getOptionalValue(EVENT_LOOPS, Integer.class))
                .contains(3);
    }

    @Test
    void testsKeepQuarkusDefault() throws IOException {
        assertThat(config("test", Map.of()).getOptionalValue(EVENT_LOOPS, Integer.class)).isEmpty();
    }

    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(SharedSettings.file(), 100))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }
}

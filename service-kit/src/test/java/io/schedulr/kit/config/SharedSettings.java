package io.schedulr.kit.config;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;

/** The settings service-kit gives every service (its META-INF/microprofile-config.properties), read as a service would. */
public final class SharedSettings {
    private SharedSettings() {
    }

    public static URL file() throws IOException {
        return Collections.list(SharedSettings.class.getClassLoader().getResources("META-INF/microprofile-config.properties"))
                .stream().filter(url -> url.getPath().contains("/service-kit/")).findFirst().orElseThrow();
    }

    /** In the production profile. */
    public static SmallRyeConfig prod() throws IOException {
        return new SmallRyeConfigBuilder().withProfile("prod").withSources(new PropertiesConfigSource(file(), 100)).build();
    }
}

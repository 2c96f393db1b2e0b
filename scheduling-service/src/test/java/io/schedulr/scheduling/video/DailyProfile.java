package io.schedulr.scheduling.video;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** scheduling-service with a Daily key, pointed at {@link FakeDaily}. */
public class DailyProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            return Map.of(
                    "scheduling.video.daily-api-key", "test-daily-key",
                    "quarkus.rest-client.daily.url", FakeDaily.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

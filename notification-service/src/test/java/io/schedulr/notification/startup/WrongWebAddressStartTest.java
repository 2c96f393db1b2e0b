package io.schedulr.notification.startup;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A web app address the mails' links cannot be made from stops the service at start, saying which setting is wrong,
 * rather than failing every mail later.
 */
@QuarkusMainTest
@TestProfile(WrongWebAddressStartTest.FtpWebAddress.class)
class WrongWebAddressStartTest {
    public static class FtpWebAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("schedulr.web.url", "ftp://schedulr.example.com/");
        }
    }

    @Test
    void theServiceDoesNotStartAndNamesTheSetting(QuarkusMainLauncher launcher) {
        LaunchResult result = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> launcher.launch(),
                "the service started with an ftp address for the web app");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("schedulr.web.url (SCHEDULR_WEB_URL) must be the web app's http(s) address")
                .contains("ftp://schedulr.example.com/");
    }
}

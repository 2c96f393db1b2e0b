package io.schedulr.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stack's table prints the Cal.com key and secret it made for development, never one given by the environment. */
class CalcomSettingsOfStackTest {

    @Test
    void aKeyFromTheEnvironmentIsNotPrintedEvenWhenTheSecretWasMadeHere() {
        var settings = new CalcomSettingsOfStack("cal_live_real", "whsec_local_made", false, true, "http://localhost:8093",
                "http://localhost:8083/webhooks/calcom", 11);

        assertThat(settings.described()).doesNotContain("cal_live_real").contains("CALCOM_API_KEY (not printed)")
                .contains("whsec_local_made");
    }

    @Test
    void aSecretFromTheEnvironmentIsNotPrintedEvenWhenTheKeyWasMadeHere() {
        var settings = new CalcomSettingsOfStack("cal_dev_made", "whsec_real,whsec_old", true, false, "http://localhost:8093",
                "http://localhost:8083/webhooks/calcom", 11);

        assertThat(settings.described()).doesNotContain("whsec_real").doesNotContain("whsec_old").contains("cal_dev_made");
    }

    @Test
    void valuesMadeForDevelopmentArePrintedSoThatOneCanUseThem() {
        var settings = new CalcomSettingsOfStack("cal_dev_made", "whsec_local_made", true, true, "http://localhost:8093",
                "http://localhost:8083/webhooks/calcom", 11);

        assertThat(settings.described()).contains("cal_dev_made").contains("whsec_local_made").contains("development");
    }
}

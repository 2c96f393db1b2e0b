package io.schedulr.calcom.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSecretsTest {
    private static final byte[] VECTOR_BODY = "{\"triggerEvent\":\"PING\",\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"payload\":{}}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR_SIGNATURE = "80bec280bd71f16857b1b75c470c1ea8e1cc88c1c36bec11750526a29783427a";

    @Test
    void theInteropTestVectorVerifies() {
        assertThat(WebhookSecrets.parse("test-secret").verifies(VECTOR_BODY, VECTOR_SIGNATURE)).isTrue();
        assertThat(WebhookSecrets.parse("test-secret").verifies(VECTOR_BODY, VECTOR_SIGNATURE.toUpperCase())).isTrue();
    }

    @Test
    void duringRotationOldAndNewSecretsAreBothAccepted() {
        WebhookSecrets secrets = WebhookSecrets.parse(" old-secret , test-secret ,");
        assertThat(secrets.count()).isEqualTo(2);
        assertThat(secrets.verifies(VECTOR_BODY, VECTOR_SIGNATURE)).isTrue();
        assertThat(secrets.verifies(VECTOR_BODY, new WebhookSignature("old-secret").sign(VECTOR_BODY))).isTrue();
        assertThat(secrets.verifies(VECTOR_BODY, new WebhookSignature("another").sign(VECTOR_BODY))).isFalse();
    }

    @Test
    void unsignedTamperedAndNoSecretProvidedAreRefused() {
        WebhookSecrets secrets = WebhookSecrets.parse("test-secret");
        byte[] tampered = VECTOR_BODY.clone();
        tampered[tampered.length - 3] = ' ';
        assertThat(secrets.verifies(tampered, VECTOR_SIGNATURE)).isFalse();
        assertThat(secrets.verifies(VECTOR_BODY, null)).isFalse();
        assertThat(secrets.verifies(VECTOR_BODY, "")).isFalse();
        assertThat(secrets.verifies(VECTOR_BODY, "no-secret-provided")).isFalse();
    }

    @Test
    void withoutASecretNothingIsConfiguredAndNothingVerifies() {
        assertThat(WebhookSecrets.parse(null).configured()).isFalse();
        assertThat(WebhookSecrets.parse(" , ").configured()).isFalse();
        assertThat(WebhookSecrets.parse("").verifies(VECTOR_BODY, VECTOR_SIGNATURE)).isFalse();
    }

    @Test
    void toStringNeverShowsASecret() {
        assertThat(WebhookSecrets.parse("s3cr3t-one,s3cr3t-two").toString()).doesNotContain("s3cr3t").contains("2");
    }
}

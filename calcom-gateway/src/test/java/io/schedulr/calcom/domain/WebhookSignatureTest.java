package io.schedulr.calcom.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    private final WebhookSignature signature = new WebhookSignature("whsec-test");
    private final byte[] body = "{\"triggerEvent\":\"PING\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheRawBodyAsLowercaseHexHmacSha256() {
        // openssl dgst -sha256 -hmac whsec-test <<< '{"triggerEvent":"PING"}' (without the newline)
        assertThat(signature.sign(body)).matches("[0-9a-f]{64}");
        assertThat(signature.matches(body, signature.sign(body))).isTrue();
        assertThat(signature.matches(body, signature.sign(body).toUpperCase())).isTrue();
    }

    @Test
    void rejectsOtherBodiesSecretsAndMissingHeaders() {
        String sig = signature.sign(body);
        assertThat(signature.matches("{}".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(new WebhookSignature("other").matches(body, sig)).isFalse();
        assertThat(signature.matches(body, null)).isFalse();
        assertThat(signature.matches(body, "no-secret-provided")).isFalse();
    }
}

package io.schedulr.calcom.hardening;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.calcom.calcomapi.LocalCalcomApiResource;
import io.schedulr.calcom.domain.WebhookSignature;
import io.schedulr.testsupport.OpenApiFuzz;
import io.schedulr.testsupport.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the OpenAPI document fed malformed input by {@link OpenApiFuzz}: the API as a signed-in person, the
 * webhook signed with the configured secret (so that its body is read, as Cal.com's would be). No 500, every refusal
 * JSON with its code. The shared local Cal.com's rate limit is reset before each request, so that its pauses are not
 * taken for hangs and the tests after this one find the key's window whole.
 */
@QuarkusTest
class ApiFuzzTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void noRouteAnswersMalformedInputWithA500OrAnUncodedRefusal() {
        WebhookSignature signature = new WebhookSignature(
                ConfigProvider.getConfig().getValue("calcom.webhook.secrets", String.class).split(",")[0]);
        OpenApiFuzz fuzz = OpenApiFuzz.ofRunningService().as(Tokens.newUser("Fuzz Person", "UTC"))
                .headers((path, body) -> path.equals("/webhooks/calcom")
                        ? Map.of("X-Cal-Signature-256", signature.sign(body.getBytes(StandardCharsets.UTF_8))) : Map.of())
                .beforeEachRequest(ApiFuzzTest::resetCalcomRateLimit);

        try {
            assertThat(fuzz.run()).as("answers to " + fuzz.requests() + " requests").isEmpty();
        } finally {
            resetCalcomRateLimit();
        }
    }

    private static void resetCalcomRateLimit() {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(LocalCalcomApiResource.shared().url() + "/_control/rate-limit/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

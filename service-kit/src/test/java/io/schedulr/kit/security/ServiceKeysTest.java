package io.schedulr.kit.security;

import io.schedulr.kit.rest.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The service-key check of every service's internal routes, without Quarkus: which keys open, what a refusal answers. */
class ServiceKeysTest {
    private static final ServiceKeys TWO = new ServiceKeys(List.of("current-key-0123456789", "next-key-9876543210"));

    @Test
    void withoutAnyConfiguredKeyTheInternalRoutesAreOffWhateverIsPresented() {
        for (ServiceKeys none : List.of(new ServiceKeys(List.of()), new ServiceKeys(List.of("", "  ")), new ServiceKeys(Arrays.asList((String) null)))) {
            assertThat(none.configured()).isFalse();
            for (String presented : Arrays.asList(null, "", " ", "anything")) {
                ApiException refused = catchThrowableOfType(() -> none.check(presented), ApiException.class);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.code()).isEqualTo("service_key_not_configured");
                assertThat(refused.getMessage()).isNotBlank();
            }
            assertThat(none.accepts("")).as("an empty header is no key").isFalse();
        }
    }

    @Test
    void everyConfiguredKeyOpensSoAKeyCanBeRotated() {
        assertThat(TWO.configured()).isTrue();
        assertThatCode(() -> TWO.check("current-key-0123456789")).doesNotThrowAnyException();
        assertThatCode(() -> TWO.check("next-key-9876543210")).doesNotThrowAnyException();
        assertThat(TWO.accepts("next-key-9876543210")).isTrue();
    }

    @Test
    void aMissingHeaderOrAnyOtherValueIs401Unauthorized() {
        for (String presented : Arrays.asList(null, "", "current-key-012345678", "current-key-01234567890", "CURRENT-KEY-0123456789",
                " current-key-0123456789x", "current-key-0123456789,next-key-9876543210", "next-key", "Bearer current-key-0123456789",
                "current-key-0123456789\u0000")) {
            ApiException refused = catchThrowableOfType(() -> TWO.check(presented), ApiException.class);
            assertThat(refused).as("refused: %s", presented).isNotNull();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).as("as every other 401 of the service").isEqualTo("unauthorized");
            assertThat(refused.getMessage()).contains(ServiceKeys.HEADER).doesNotContain("current-key").doesNotContain("next-key");
            assertThat(TWO.accepts(presented)).isFalse();
        }
    }

    @Test
    void configuredKeysAreTakenWithoutTheBlanksAroundThemAndNonAsciiKeysCompareByTheirUtf8Bytes() {
        ServiceKeys keys = new ServiceKeys(List.of(" spaced-key ", "", "schlüssel-ä"));
        assertThat(keys.accepts("spaced-key")).isTrue();
        assertThat(keys.accepts(" spaced-key ")).isFalse();
        assertThat(keys.accepts("schlüssel-ä")).isTrue();
        assertThat(keys.accepts("schlussel-a")).isFalse();
    }

    @Test
    void theKeysNeverShowInItsStringForm() {
        assertThat(TWO.toString()).doesNotContain("current-key").doesNotContain("next-key").contains("2");
    }
}

package io.schedulr.calendarsync.config;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenKeysTest {
    private static final String KEY_A = randomKey();
    private static final String KEY_B = randomKey();

    @Test
    void theFirstKeySealsAndEveryKeyIsKnownById() {
        TokenKeys keys = TokenKeys.parse("k2:" + KEY_B + ", k1:" + KEY_A);

        assertThat(keys.currentId()).isEqualTo("k2");
        assertThat(keys.current()).isEqualTo(Base64.getDecoder().decode(KEY_B));
        assertThat(keys.byId()).containsOnlyKeys("k2", "k1");
        assertThat(keys.byId().get("k1")).isEqualTo(Base64.getDecoder().decode(KEY_A));
    }

    @Test
    void printingTheKeysShowsTheIdsNeverTheKeys() {
        String printed = TokenKeys.parse("k2:" + KEY_B + ",k1:" + KEY_A).toString();

        assertThat(printed).contains("k2", "k1").doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    @Test
    void noSettingIsRefusedWithHowToMakeAKey() {
        for (String empty : new String[]{null, "", "   "}) {
            assertThatThrownBy(() -> TokenKeys.parse(empty)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SCHEDULR_GOOGLE_TOKEN_KEYS").hasMessageContaining("is not set").hasMessageContaining("id:base64");
        }
    }

    @Test
    void aKeyThatIsNotBase64IsNamed() {
        assertThatThrownBy(() -> TokenKeys.parse("k1:" + KEY_A + ",k2:not*base64!")).isInstanceOf(IllegalStateException.class)
                .hasMessage("schedulr.google.token-keys: key k2 is not base64");
    }

    @Test
    void aKeyOfTheWrongLengthIsNamedWithItsLength() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> TokenKeys.parse("short:" + sixteen)).isInstanceOf(IllegalStateException.class)
                .hasMessage("schedulr.google.token-keys: key short has 16 bytes; AES-256 needs 32");
        assertThatThrownBy(() -> TokenKeys.parse("none:")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key none has 0 bytes");
    }

    @Test
    void anIdTwiceIsRefused() {
        assertThatThrownBy(() -> TokenKeys.parse("k1:" + KEY_A + ",k1:" + KEY_B)).isInstanceOf(IllegalStateException.class)
                .hasMessage("schedulr.google.token-keys: key id k1 appears twice");
    }

    @Test
    void aKeyWithoutAnIdIsRefused() {
        for (String setting : new String[]{KEY_A, ":" + KEY_A, "k1:" + KEY_A + ",," + "k2:" + KEY_B}) {
            assertThatThrownBy(() -> TokenKeys.parse(setting)).as(setting).isInstanceOf(IllegalStateException.class)
                    .hasMessage("schedulr.google.token-keys: each key is id:base64, got an entry without an id");
        }
    }

    @Test
    void noRefusalRepeatsKeyMaterial() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        for (String setting : new String[]{"k1:" + sixteen, "k1:" + KEY_A + ",k1:" + KEY_B, KEY_A}) {
            assertThatThrownBy(() -> TokenKeys.parse(setting)).message().doesNotContain(sixteen).doesNotContain(KEY_A).doesNotContain(KEY_B);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

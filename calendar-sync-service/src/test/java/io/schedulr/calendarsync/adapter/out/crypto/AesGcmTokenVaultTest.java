package io.schedulr.calendarsync.adapter.out.crypto;

import io.schedulr.calendarsync.config.TokenKeys;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmTokenVaultTest {
    private static final String TOKEN = "1//0gRefreshTokenFromGoogle-abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String OLD = "k-old:" + randomKey();
    private static final String NEW = "k-new:" + randomKey();

    @Test
    void whatIsSealedOpensAgainAndDoesNotShowTheToken() {
        AesGcmTokenVault vault = vault(OLD);

        String sealed = vault.seal(TOKEN);

        assertThat(sealed).startsWith("v1:k-old:").doesNotContain(TOKEN).doesNotContain(Base64.getEncoder().encodeToString(TOKEN.getBytes()));
        assertThat(vault.open(sealed)).isEqualTo(TOKEN);
        assertThat(vault.open(vault.seal("ü ✓ token"))).isEqualTo("ü ✓ token");
    }

    @Test
    void eachSealIsDifferent() {
        AesGcmTokenVault vault = vault(OLD);

        assertThat(vault.seal(TOKEN)).isNotEqualTo(vault.seal(TOKEN));
    }

    @Test
    void aTamperedSealIsRefused() {
        AesGcmTokenVault vault = vault(OLD);
        String sealed = vault.seal(TOKEN);
        String prefix = sealed.substring(0, sealed.lastIndexOf(':') + 1);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(prefix.length()));

        for (int i : new int[]{0, 12, bytes.length / 2, bytes.length - 1}) { // nonce, ciphertext, tag
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> vault.open(prefix + Base64.getEncoder().encodeToString(tampered)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("tampered or wrong key");
        }
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> vault.open(prefix + Base64.getEncoder().encodeToString(cut))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault.open(prefix + "AAAA")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault.open(prefix + "not base64!")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whatIsNotASealedTokenIsRefused() {
        AesGcmTokenVault vault = vault(OLD);

        for (String notSealed : new String[]{TOKEN, "", "v2:k-old:AAAA", "v1:k-old"}) {
            assertThatThrownBy(() -> vault.open(notSealed)).isInstanceOf(IllegalStateException.class).hasMessage("not a sealed token");
        }
        assertThatThrownBy(() -> vault.open(null)).isInstanceOf(IllegalStateException.class).hasMessage("not a sealed token");
    }

    @Test
    void afterARotationOldSealsStillOpenAndNewOnesUseTheNewKey() {
        String sealedBefore = vault(OLD).seal(TOKEN);
        AesGcmTokenVault rotated = vault(NEW + "," + OLD);

        assertThat(rotated.open(sealedBefore)).isEqualTo(TOKEN);
        String sealedAfter = rotated.seal(TOKEN);
        assertThat(sealedAfter).startsWith("v1:k-new:");
        assertThat(rotated.open(sealedAfter)).isEqualTo(TOKEN);
        assertThat(vault(NEW).open(sealedAfter)).as("once every token is sealed again the old key can go").isEqualTo(TOKEN);
    }

    @Test
    void aKeyNoLongerConfiguredIsNamedInTheRefusal() {
        String sealed = vault(OLD).seal(TOKEN);

        assertThatThrownBy(() -> vault(NEW).open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessage("token sealed with key k-old, which is no longer configured in schedulr.google.token-keys");
    }

    @Test
    void theKeyIdCannotBeSwappedInTheSealedForm() {
        String key = randomKey();
        AesGcmTokenVault vault = vault("k-a:" + key + ",k-b:" + key); // even under the very same key bytes
        String sealed = vault.seal(TOKEN);
        assertThat(sealed).startsWith("v1:k-a:");

        assertThatThrownBy(() -> vault.open(sealed.replace("v1:k-a:", "v1:k-b:"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tampered or wrong key");
    }

    @Test
    void aSealOfOneKeyDoesNotOpenUnderAnotherKeyWithTheSameId() {
        String sealed = vault("k-1:" + randomKey()).seal(TOKEN);

        assertThatThrownBy(() -> vault("k-1:" + randomKey()).open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tampered or wrong key");
    }

    private static AesGcmTokenVault vault(String setting) {
        return new AesGcmTokenVault(TokenKeys.parse(setting));
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

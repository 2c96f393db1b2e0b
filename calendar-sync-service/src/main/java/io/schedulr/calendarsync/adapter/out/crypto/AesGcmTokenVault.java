package io.schedulr.calendarsync.adapter.out.crypto;

import io.schedulr.calendarsync.application.port.out.TokenVault;
import io.schedulr.calendarsync.config.TokenKeys;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM with a random 96-bit nonce per token. Sealed form: {@code v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>};
 * the key id is bound into the tag as associated data, so a value cannot be opened under another key's name.
 */
public final class AesGcmTokenVault implements TokenVault {
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenKeys keys;

    public AesGcmTokenVault(TokenKeys keys) {
        this.keys = keys;
    }

    @Override
    public String seal(String token) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, keys.currentId());
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + ":" + keys.currentId() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a token: " + e.getMessage(), e);
        }
    }

    @Override
    public String open(String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("not a sealed token");
        }
        byte[] key = keys.byId().get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("token sealed with key " + parts[1] + ", which is no longer configured in schedulr.google.token-keys");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            byte[] nonce = java.util.Arrays.copyOfRange(in, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, parts[1]);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed token does not open with key " + parts[1] + " (tampered or wrong key)");
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}

package io.schedulr.calendarsync.adapter.out.persistence;

import io.agroal.api.AgroalDataSource;
import io.schedulr.calendarsync.application.ConnectionRefusedException;
import io.schedulr.calendarsync.application.ConnectionRefusedException.Problem;
import io.schedulr.calendarsync.application.port.out.AuthorizationStates;
import io.schedulr.calendarsync.config.GoogleConfig;
import io.schedulr.calendarsync.config.TokenKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;

/**
 * A state is {@code <nonce>.<person>.<HMAC-SHA256>}: the signature (a key derived from the current token key) shows we
 * made it for that person; the {@code oauth_state} row keeps the PKCE verifier, the expiry and single use (deleted
 * when used). Another replica answers the callback just as well.
 */
@ApplicationScoped
public class SignedAuthorizationStates implements AuthorizationStates {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    GoogleConfig config;

    private byte[] signingKey;

    @PostConstruct
    void deriveKey() {
        signingKey = hmac(TokenKeys.parse(config.tokenKeys()).current(), "schedulr oauth state v1".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String issue(String googleAccountId, String timeZone, String codeVerifier, Instant expiresAt) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO oauth_state (nonce, google_account_id, code_verifier, expires_at, time_zone) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, nonce);
            insert.setString(2, googleAccountId);
            insert.setString(3, codeVerifier);
            insert.setTimestamp(4, Timestamp.from(expiresAt));
            insert.setString(5, timeZone);
            insert.executeUpdate();
            // Expired attempts nobody finished are cleared as new ones start.
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM oauth_state WHERE expires_at < now() - interval '1 day'")) {
                purge.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a connection attempt", e);
        }
        String unsigned = nonce + "." + encode(googleAccountId);
        return unsigned + "." + signature(unsigned);
    }

    @Override
    public PendingAuthorization consume(String state, Instant now) {
        String[] parts = state.split("\\.");
        if (parts.length != 3 || !MessageDigest.isEqual(signature(parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw new ConnectionRefusedException(Problem.INVALID_STATE, "'state' is not one this service issued; start connecting again.");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM oauth_state WHERE nonce = ? RETURNING google_account_id, code_verifier, expires_at, time_zone")) {
            delete.setString(1, parts[0]);
            try (ResultSet rs = delete.executeQuery()) {
                if (!rs.next()) {
                    throw new ConnectionRefusedException(Problem.INVALID_STATE, "'state' was already used or is unknown; start connecting again.");
                }
                if (rs.getTimestamp(3).toInstant().isBefore(now)) {
                    throw new ConnectionRefusedException(Problem.STATE_EXPIRED, "The connection attempt expired; start connecting again.");
                }
                if (!rs.getString(1).equals(decode(parts[1]))) {
                    throw new ConnectionRefusedException(Problem.INVALID_STATE, "'state' is not one this service issued; start connecting again.");
                }
                return new PendingAuthorization(rs.getString(1), rs.getString(4), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check a connection attempt", e);
        }
    }

    private String signature(String unsigned) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(signingKey, unsigned.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String value) {
        try {
            return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}

package io.schedulr.testsupport.infra;

import io.schedulr.testsupport.google.LocalGoogle;
import io.schedulr.testsupport.google.RegisteredClient;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The development OpenID Connect issuer every service validates tokens against: the local Google (see
 * {@link LocalGoogle}), with {@code POST /token} as the quick way to a bearer token. The signing key is made at
 * start-up and never written anywhere.
 */
public final class TokenIssuer implements AutoCloseable {
    /**
     * The audience every service expects ({@code quarkus.oidc.token.audience}): our OAuth client id, as with Google
     * ({@code GOOGLE_CLIENT_ID}, else the development id).
     */
    public static final String AUDIENCE = RegisteredClient.fromEnvironment().id();

    private final LocalGoogle google;

    private TokenIssuer(LocalGoogle google) {
        this.google = google;
    }

    /** Starts with the OAuth client from the environment ({@link RegisteredClient#fromEnvironment()}). */
    public static TokenIssuer start(int port) throws IOException {
        return new TokenIssuer(LocalGoogle.start(port, RegisteredClient.fromEnvironment()));
    }

    /** The same, with the local Google mailing attendees' invitations ({@code sendUpdates=all}) through this SMTP port on localhost. */
    public static TokenIssuer start(int port, int smtpPort) throws IOException {
        return start(port, smtpPort, null);
    }

    /** The same, the local Google keeping what people did in {@code stateFile} across restarts (null: in memory only). */
    public static TokenIssuer start(int port, int smtpPort, Path stateFile) throws IOException {
        return new TokenIssuer(LocalGoogle.start(port, RegisteredClient.fromEnvironment(), "localhost", smtpPort, stateFile));
    }

    public String issuer() {
        return google.url();
    }

    /** Mints a signed token; a negative lifetime gives an already expired one. */
    public String mint(String subject, String email, String name, String zoneInfo, long lifetimeSeconds) {
        return mint(subject, email, name, zoneInfo, lifetimeSeconds, AUDIENCE, true);
    }

    /**
     * The same with the claims tests of token handling need to choose: another audience, an unverified email, or
     * (email null) no email claim at all.
     */
    public String mint(String subject, String email, String name, String zoneInfo, long lifetimeSeconds, String audience,
                       boolean emailVerified) {
        return google.mintIdToken(google.url(), audience, subject, email, emailVerified, name, zoneInfo, lifetimeSeconds, List.of());
    }

    /** The subject the issuer gives an email address when none is asked for: stable across restarts. */
    public static String subjectFor(String email) {
        return LocalGoogle.subjectFor(email);
    }

    @Override
    public void close() {
        google.close();
    }
}

package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.schedulr.testsupport.StateFile;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local Google on one port: OpenID Connect (discovery, JWKS, PEM certificates, userinfo), OAuth 2.0 (consent,
 * token, revoke), Calendar API v3 and a control API for tests. Google's official clients work against it with only
 * their root and token URLs pointed here. State lives in memory and ends with the process, unless a state file is given
 * ({@link StateFile}: the local stack keeps one, tests do not).
 */
public final class LocalGoogle implements AutoCloseable {
    /** The audience of quick-mint tokens that ask for none: what every service expects today. */

    private final HttpServer server;
    private final ExecutorService executor;
    private final WatchChannels channels;
    private final StateFile state;
    private final String url;
    private final RegisteredClient client;
    private final IdTokens idTokens;

    private LocalGoogle(HttpServer server, ExecutorService executor, WatchChannels channels, StateFile state, String url,
                        RegisteredClient client, IdTokens idTokens) {
        this.server = server;
        this.executor = executor;
        this.channels = channels;
        this.state = state;
        this.url = url;
        this.client = client;
        this.idTokens = idTokens;
    }

    /** Starts on the loopback interface; port 0 picks a free one. Invitation mails are only recorded, never sent. */
    public static LocalGoogle start(int port, RegisteredClient client) throws IOException {
        return start(port, client, null, 0);
    }

    /**
     * Starts on the loopback interface; port 0 picks a free one. Writes with {@code sendUpdates=all} (or
     * {@code externalOnly}) mail each attendee an iMIP invitation through this SMTP server, as Google does;
     * {@code smtpHost} null records them only ({@code GET /_control/mails} lists both).
     */
    public static LocalGoogle start(int port, RegisteredClient client, String smtpHost, int smtpPort) throws IOException {
        return start(port, client, smtpHost, smtpPort, null);
    }

    /**
     * The same, keeping people, grants, calendars, events and push channels in {@code stateFile} (null: in memory only), so
     * that a restart on the same port finds them again.
     */
    public static LocalGoogle start(int port, RegisteredClient client, String smtpHost, int smtpPort, Path stateFile) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        String url = "http://localhost:" + server.getAddress().getPort();
        SigningKey key = SigningKey.generate();
        IdTokens idTokens = new IdTokens(key);
        People people = new People();
        OAuthGrants grants = new OAuthGrants(Clock.systemUTC());
        OpenIdEndpoints openId = new OpenIdEndpoints(url, key, grants, people);
        QuickMint quickMint = new QuickMint(url, client.id(), idTokens, people);

        route(server, "/.well-known/openid-configuration", openId::discovery);
        route(server, "/jwks", openId::jwks);
        route(server, "/oauth2/v3/certs", openId::jwks);
        route(server, "/oauth2/v1/certs", openId::certificates);
        route(server, "/v1/userinfo", openId::userinfo);
        route(server, "/oauth2/v3/userinfo", openId::userinfo);
        route(server, "/o/oauth2/v2/auth", new AuthorizationEndpoint(client, grants, people)::handle);
        route(server, "/token", new TokenEndpoint(client, grants, idTokens, people, url, quickMint)::handle);
        route(server, "/revoke", new RevocationEndpoint(grants)::handle);

        CalendarStore store = new CalendarStore(people, Clock.systemUTC(), url);
        WatchChannels channels = new WatchChannels(Clock.systemUTC());
        store.onChange(channels);
        StateFile state = stateFile == null ? null : StateFile.keep(stateFile, "local Google", () -> {
            Map<String, Object> snapshot = new LinkedHashMap<>();
            snapshot.put("people", people.export());
            snapshot.put("grants", grants.export());
            snapshot.put("calendars", store.export());
            snapshot.put("channels", channels.export());
            return snapshot;
        }, saved -> {
            people.restore(Json.list(saved.get("people")));
            grants.restore(Json.object(saved.get("grants")));
            store.restore(Json.object(saved.get("calendars")));
            channels.restore(Json.list(saved.get("channels")));
        });
        FailureInjector failures = new FailureInjector();
        InvitationMailer mailer = new InvitationMailer(smtpHost == null ? null : new InvitationMailer.Smtp(smtpHost, smtpPort), people,
                Clock.systemUTC());
        SlowAnswers slowAnswers = new SlowAnswers();
        route(server, "/calendar/v3/", new CalendarApi(grants, store, channels, failures, slowAnswers, url, mailer)::handle);
        route(server, "/_control/", new ControlApi(grants, store, failures, slowAnswers, mailer)::handle);

        // Eight threads, so that calls held by the delay knob do not hold up everyone else's.
        ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "local-google");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new LocalGoogle(server, executor, channels, state, url, client, idTokens);
    }

    /** Base URL, which is also the issuer of its ID tokens. */
    public String url() {
        return url;
    }

    public RegisteredClient client() {
        return client;
    }

    /**
     * Mints an ID token directly.
     *
     * @param email null for a token without email claims
     */
    public String mintIdToken(String issuer, String audience, String subject, String email, boolean emailVerified, String name,
                              String zoneInfo, long lifetimeSeconds, List<String> roles) {
        return idTokens.mint(new IdTokens.Claims(issuer, audience, subject, email, emailVerified, name, zoneInfo, lifetimeSeconds, roles));
    }

    /** The {@code sub} this Google gives an email address: stable across restarts, never the address itself. */
    public static String subjectFor(String email) {
        return People.subjectFor(email);
    }

    @Override
    public void close() {
        server.stop(0);
        if (state != null) {
            state.close();
        }
        executor.shutdownNow();
        channels.close();
    }

    private static void route(HttpServer server, String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try {
                handler.handle(exchange);
            } catch (RuntimeException | IOException e) {
                fail(exchange, e);
            }
        });
    }

    private static void fail(HttpExchange exchange, Exception e) {
        try {
            GoogleExchange.json(exchange, 500, GoogleError.backendError("local Google failed: " + e).body());
        } catch (IOException | RuntimeException ignored) {
            // the answer had already started; the client sees a broken response
        } finally {
            exchange.close();
        }
    }
}

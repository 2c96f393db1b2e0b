package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who is signed in to Google in a browser, as Google's own session cookie says: set when a person goes through the
 * sign-in or consent pages, read by {@code prompt=none}, which Google answers without a page only for a browser signed in
 * to that account ({@code error=login_required} otherwise). Kept in memory: after a restart every browser is signed out.
 */
final class BrowserSessions {
    static final String COOKIE = "LOCAL_GOOGLE_SID";
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> emailBySession = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    /** The browser is now signed in to this account (its cookie set on the answer being prepared). */
    synchronized void signIn(HttpExchange exchange, String email) {
        byte[] id = new byte[24];
        RANDOM.nextBytes(id);
        String session = HexFormat.of().formatHex(id);
        emailBySession.put(session, email.toLowerCase(Locale.ROOT));
        exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
    }

    /** Whether the browser that sent this request is signed in to this account. */
    synchronized boolean isSignedIn(HttpExchange exchange, String email) {
        String wanted = email.toLowerCase(Locale.ROOT);
        return sessionIds(exchange).stream().map(emailBySession::get).anyMatch(wanted::equals);
    }

    private static List<String> sessionIds(HttpExchange exchange) {
        List<String> headers = Optional.ofNullable(exchange.getRequestHeaders().get("Cookie")).orElse(List.of());
        return headers.stream().flatMap(h -> Arrays.stream(h.split(";"))).map(String::strip)
                .filter(c -> c.startsWith(COOKIE + "=")).map(c -> c.substring(COOKIE.length() + 1)).toList();
    }
}

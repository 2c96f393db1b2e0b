package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /token} without a grant_type: the development shortcut to a bearer token, no OAuth dance. Form fields
 * email, name, tz, expires_in, sub, and test knobs aud=…, iss=… (signed by this key but claiming another issuer),
 * email_verified=false, omit=email, omit=zoneinfo (a token without a zone, as Google's are), roles=admin,… (the groups claim).
 */
final class QuickMint {
    private final String issuer;
    /** Tokens are for our OAuth client unless a test asks otherwise, exactly like Google's ID tokens. */
    private final String audience;
    private final IdTokens tokens;
    private final People people;

    QuickMint(String issuer, String audience, IdTokens tokens, People people) {
        this.issuer = issuer;
        this.audience = audience;
        this.tokens = tokens;
        this.people = people;
    }

    void handle(HttpExchange exchange, Map<String, String> params) throws IOException {
        String email = params.get("email");
        if (email == null || !email.contains("@")) {
            GoogleExchange.json(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"email is required\"}");
            return;
        }
        String tz = params.getOrDefault("tz", "UTC");
        try {
            ZoneId.of(tz);
        } catch (RuntimeException e) {
            GoogleExchange.json(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"unknown time zone\"}");
            return;
        }
        long lifetime;
        try {
            lifetime = Long.parseLong(params.getOrDefault("expires_in", "3600"));
        } catch (NumberFormatException e) {
            GoogleExchange.json(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"expires_in must be a number\"}");
            return;
        }
        String subject = params.getOrDefault("sub", People.subjectFor(email));
        String name = params.getOrDefault("name", email.substring(0, email.indexOf('@')));
        if (params.containsKey("name") || params.containsKey("tz")) {
            people.remember(email, name, tz);
        }
        String token = tokens.mint(new IdTokens.Claims(params.getOrDefault("iss", issuer), params.getOrDefault("aud", audience),
                subject, "email".equals(params.get("omit")) ? null : email, !"false".equals(params.get("email_verified")),
                name, "zoneinfo".equals(params.get("omit")) ? null : tz, lifetime, roles(params.get("roles"))));
        GoogleExchange.json(exchange, 200, "{\"access_token\":" + Json.write(token)
                + ",\"token_type\":\"Bearer\",\"expires_in\":" + lifetime
                + ",\"sub\":" + Json.write(subject) + "}");
    }

    private static List<String> roles(String param) {
        return param == null ? List.of() : Arrays.stream(param.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    }
}

package io.schedulr.testsupport.google;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/** {@code POST /revoke?token=…} (or as a form field): ends the grant the refresh or access token belongs to. */
final class RevocationEndpoint {
    private final OAuthGrants grants;

    RevocationEndpoint(OAuthGrants grants) {
        this.grants = grants;
    }

    void handle(HttpExchange exchange) throws IOException {
        String token = GoogleExchange.form(exchange).get("token");
        if (token == null || token.isEmpty()) {
            GoogleExchange.json(exchange, 400, TokenEndpoint.errorJson("invalid_request", "Bad Request"));
        } else if (grants.revoke(token)) {
            GoogleExchange.json(exchange, 200, "{}");
        } else {
            GoogleExchange.json(exchange, 400, TokenEndpoint.errorJson("invalid_token", "Token expired or revoked"));
        }
    }
}

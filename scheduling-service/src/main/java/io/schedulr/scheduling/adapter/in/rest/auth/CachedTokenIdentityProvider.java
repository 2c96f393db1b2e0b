package io.schedulr.scheduling.adapter.in.rest.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a bearer token from {@link VerifiedTokens} before the OIDC extension verifies it again (it runs first: higher
 * priority). On a miss it answers nothing, and the OIDC extension's provider, next in line, verifies the token as
 * always. The remembered identity is handed out with this request's routing context, as the OIDC extension would
 * build it, and goes through the same augmentors as a freshly verified one.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    static final String FROM_CACHE = "schedulr.verified-token-cache";

    private final VerifiedTokens tokens;
    private final Counter hits;
    private final Counter misses;

    CachedTokenIdentityProvider(VerifiedTokens tokens, MeterRegistry registry) {
        this.tokens = tokens;
        this.hits = registry.counter("schedulr.auth.token.cache", "result", "hit");
        this.misses = registry.counter("schedulr.auth.token.cache", "result", "miss");
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE; // the OIDC extension's provider runs at SYSTEM_FIRST + 1
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!tokens.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return tokens.find(request.getToken().getToken())
                .map(identity -> {
                    hits.increment();
                    return Uni.createFrom().item(forThisRequest(identity, request, context));
                })
                .orElseGet(() -> {
                    misses.increment();
                    return Uni.createFrom().nullItem();
                });
    }

    private static SecurityIdentity forThisRequest(SecurityIdentity remembered, TokenAuthenticationRequest request,
                                                   AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(remembered)
                .addAttribute(AuthenticationRequestContext.class.getName(), context)
                .addAttribute(FROM_CACHE, Boolean.TRUE);
        if (routing != null) {
            builder.addAttribute(RoutingContext.class.getName(), routing);
        }
        return builder.build();
    }
}

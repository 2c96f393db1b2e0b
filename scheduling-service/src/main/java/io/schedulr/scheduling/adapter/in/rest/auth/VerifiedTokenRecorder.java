package io.schedulr.scheduling.adapter.in.rest.auth;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records each identity the OIDC extension has just verified from a bearer token in {@link VerifiedTokens}. It runs
 * first among the augmentors, so it records the identity as verified, before any augmentation (which runs again, in
 * full, when the identity is handed out from the cache).
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {
    private final VerifiedTokens tokens;

    VerifiedTokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (tokens.enabled() && !identity.isAnonymous() && identity.getAttribute(CachedTokenIdentityProvider.FROM_CACHE) == null) {
            TokenCredential credential = identity.getCredential(TokenCredential.class);
            if (credential != null && credential.getToken() != null) {
                tokens.remember(credential.getToken(), identity);
            }
        }
        return Uni.createFrom().item(identity);
    }
}

package io.schedulr.calcom.adapter.in.rest;

import io.schedulr.kit.rest.SignedInQueryParameters;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A route for signed-in callers refuses a query parameter it does not take with {@code 400 unknown_parameter}, naming it
 * ({@link SignedInQueryParameters}), after the token is checked. Cal.com's webhook deliveries are left alone: their address is
 * whatever was configured on Cal.com's side, and the signature over the body is what is checked.
 */
public class UnknownQueryParameters {
    private final SignedInQueryParameters parameters = new SignedInQueryParameters();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        parameters.refuseUnknown(request, resource);
    }
}

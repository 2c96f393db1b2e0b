package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.kit.rest.SignedInQueryParameters;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A route for signed-in people refuses a query parameter it does not take with {@code 400 unknown_parameter}, naming it
 * ({@link SignedInQueryParameters}), after the token is checked. The others are left alone: Google's redirect to the OAuth
 * callback carries parameters of Google's choosing ({@code scope}, {@code authuser}, {@code prompt}, …), Google's pushes
 * are Google's, and the internal route checks its service key before anything else of the request.
 */
public class UnknownQueryParameters {
    private final SignedInQueryParameters parameters = new SignedInQueryParameters();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        parameters.refuseUnknown(request, resource);
    }
}

package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.kit.rest.QueryParameters;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every route refuses a query parameter it does not take with {@code 400 unknown_parameter}, naming it
 * ({@link QueryParameters}). Runs after the route is matched and the caller authenticated, before the body is read.
 */
public class UnknownQueryParameters {
    private final QueryParameters parameters = new QueryParameters();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() != null) {
            parameters.refuseUnknown(resource.getResourceMethod(), request.getUriInfo().getQueryParameters().keySet());
        }
    }
}

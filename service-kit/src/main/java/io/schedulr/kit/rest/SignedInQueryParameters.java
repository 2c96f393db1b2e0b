package io.schedulr.kit.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link QueryParameters}' refusal for the routes of signed-in callers only ({@code @Authenticated} on the method or its
 * class), for a service whose other routes take what a provider sends (Google's redirects and pushes, Cal.com's
 * webhooks). Not a filter itself: the service's own request filter calls it, since service-kit is on every service's
 * class path and scheduling-service refuses unknown parameters on every route.
 */
public final class SignedInQueryParameters {
    private final QueryParameters parameters = new QueryParameters();
    /** Whether a resource method is for signed-in callers, looked up once per method. */
    private final Map<Method, Boolean> signedIn = new ConcurrentHashMap<>();

    /** @throws ApiException 400 {@code unknown_parameter} on a signed-in route given a query parameter it does not take */
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method != null && signedIn.computeIfAbsent(method, m -> m.isAnnotationPresent(Authenticated.class)
                || m.getDeclaringClass().isAnnotationPresent(Authenticated.class))) {
            parameters.refuseUnknown(method, request.getUriInfo().getQueryParameters().keySet());
        }
    }
}

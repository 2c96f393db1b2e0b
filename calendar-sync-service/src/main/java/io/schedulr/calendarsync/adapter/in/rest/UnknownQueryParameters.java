package io.schedulr.calendarsync.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.rest.QueryParameters;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A route for signed-in people refuses a query parameter it does not take with {@code 400 unknown_parameter}, naming it
 * ({@link QueryParameters}), after the token is checked. The others are left alone: Google's redirect to the OAuth
 * callback carries parameters of Google's choosing ({@code scope}, {@code authuser}, {@code prompt}, …), Google's pushes
 * are Google's, and the internal route checks its service key before anything else of the request.
 */
public class UnknownQueryParameters {
    private final QueryParameters parameters = new QueryParameters();
    /** Whether a resource method is for signed-in people, looked up once per method. */
    private final Map<Method, Boolean> signedIn = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method != null && signedIn.computeIfAbsent(method, m -> m.isAnnotationPresent(Authenticated.class)
                || m.getDeclaringClass().isAnnotationPresent(Authenticated.class))) {
            parameters.refuseUnknown(method, request.getUriInfo().getQueryParameters().keySet());
        }
    }
}

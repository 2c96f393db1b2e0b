package io.schedulr.scheduling.adapter.in.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A request that carries no body ({@code curl -X POST …/cancel}: no {@code Content-Length} above 0, no
 * {@code Transfer-Encoding}) is read as an empty JSON body, whatever content type it names or leaves out (there is
 * nothing to read in it): a route whose body is optional takes it, one that needs a body answers 400, not 415. A body in
 * another type than JSON is still refused with 415.
 */
public class BodilessRequests {
    private static final Set<String> WITH_BODIES = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public void readAsJson(ContainerRequestContext request) {
        if (!WITH_BODIES.contains(request.getMethod()) || request.getHeaderString("Transfer-Encoding") != null) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || length.strip().equals("0")) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}

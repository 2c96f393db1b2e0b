package io.schedulr.scheduling.adapter.in.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A request that carries no body ({@code curl -X POST …/cancel}) is read as an empty JSON body, whatever content type it
 * names or leaves out (there is nothing to read in it): a route whose body is optional takes it, one that needs a body
 * answers 400, not 415. A body in another type than JSON is still refused with 415.
 */
public class BodilessRequests {
    private static final Set<String> WITH_BODIES = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public void readAsJson(ContainerRequestContext request, HttpServerRequest http) {
        if (WITH_BODIES.contains(request.getMethod()) && carriesNoBody(request, http)) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    /**
     * HTTP/1.1: neither a {@code Content-Length} above 0 nor a {@code Transfer-Encoding}. HTTP/2 needs neither for a body
     * (its frames carry it): there a request has none when its headers ended the stream or it says its length is 0; one
     * that names no type and no length may still end with an empty frame, and is read as JSON too (a body that is not
     * JSON then answers 400).
     */
    private static boolean carriesNoBody(ContainerRequestContext request, HttpServerRequest http) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean saysEmpty = length != null && length.strip().equals("0");
        if (http.version() == HttpVersion.HTTP_2) {
            return saysEmpty || http.isEnded() || (length == null && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null);
        }
        return request.getHeaderString("Transfer-Encoding") == null && (length == null || saysEmpty);
    }
}

package io.schedulr.kit.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Names, in every log line of a request, who is asking ({@code userId}: the token's subject, never an email or the
 * token) and what it is about (the path's ids: {@code roomId}, {@code slotId}, {@code interviewId} …). The trace and
 * span ids come from OpenTelemetry. Quarkus keeps the MDC per request (on its Vert.x context), so nothing leaks into
 * the next request on the same thread.
 */
public class RequestLogContext {
    /** A path's {@code {id}} named after the collection it is in; other path parameters keep their own names. */
    private static final Map<String, String> ID_BY_COLLECTION = Map.of(
            "interviews", "interviewId", "startups", "startupId", "team-members", "teamMemberId",
            "practice-room", "roomId", "practice-rooms", "roomId", "slots", "slotId");

    @ServerRequestFilter
    public void tag(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            MDC.put("userId", token.getSubject());
        }
        MultivaluedMap<String, String> parameters = uri.getPathParameters();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getValue().isEmpty()) {
                continue;
            }
            String name = "id".equals(parameter.getKey()) ? idName(uri.getPath()) : parameter.getKey();
            MDC.put(name, parameter.getValue().get(0));
        }
    }

    private static String idName(String path) {
        for (String segment : path.split("/")) {
            String name = ID_BY_COLLECTION.get(segment);
            if (name != null) {
                return name;
            }
        }
        return "id";
    }
}

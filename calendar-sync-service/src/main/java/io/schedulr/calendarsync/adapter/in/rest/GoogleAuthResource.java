package io.schedulr.calendarsync.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.calendarsync.application.port.in.CompleteConnectionUseCase;
import io.schedulr.calendarsync.application.port.in.StartConnectionUseCase;
import io.schedulr.kit.rest.ApiException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Map;

/**
 * Connecting a Google Calendar. {@code start} sends the signed-in person to Google's consent page; Google sends the
 * browser back to {@code GET callback} (no bearer token there: the signed single-use state names the person), or a
 * front end posts what it got to {@code POST callback} with its token.
 */
@Path("/api/auth/google")
@Produces(MediaType.APPLICATION_JSON)
public class GoogleAuthResource {
    @Inject
    CallerPerson caller;
    @Inject
    StartConnectionUseCase start;
    @Inject
    CompleteConnectionUseCase complete;
    @ConfigProperty(name = "schedulr.calendar.connect-url")
    String connectUrl;

    /** 302 to Google's consent page, or {@code 200 {"url": …}} for {@code Accept: application/json}. */
    @GET
    @Path("start")
    @Authenticated
    public Response start(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String url = start.start(caller.get());
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(Map.of("url", url)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return Response.status(Response.Status.FOUND).location(URI.create(url)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("callback")
    @PermitAll
    public ConnectionJson googleRedirect(@QueryParam("code") String code, @QueryParam("state") String state,
                                         @QueryParam("error") String error) {
        return ConnectionJson.of(complete.complete(code, state, error, null), connectUrl);
    }

    @POST
    @Path("callback")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectionJson frontEndCallback(CallbackRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_request", "The body must be {\"code\": …, \"state\": …}.");
        }
        return ConnectionJson.of(complete.complete(request.code(), request.state(), null, caller.get().googleAccountId()), connectUrl);
    }
}

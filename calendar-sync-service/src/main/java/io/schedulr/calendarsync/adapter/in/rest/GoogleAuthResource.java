package io.schedulr.calendarsync.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.calendarsync.application.ConnectionRefusedException;
import io.schedulr.calendarsync.application.GoogleUnavailableException;
import io.schedulr.calendarsync.application.Person;
import io.schedulr.calendarsync.application.port.in.CompleteConnectionUseCase;
import io.schedulr.calendarsync.application.port.in.StartConnectionUseCase;
import io.schedulr.calendarsync.config.WebConfig;
import io.schedulr.kit.openapi.ErrorResponsesFilter;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.IanaZones;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Connecting a Google Calendar. {@code start} sends the signed-in person to Google's consent page; Google sends the
 * browser back to {@code GET callback} (no bearer token there: the signed single-use state names the person), or a
 * front end posts what it got to {@code POST callback} with its token.
 */
@Path("/api/auth/google")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar connection", description = "Connecting a person's Google Calendar and the state of that connection.")
public class GoogleAuthResource {
    @Inject
    CallerPerson caller;
    @Inject
    StartConnectionUseCase start;
    @Inject
    CompleteConnectionUseCase complete;
    @ConfigProperty(name = "schedulr.calendar.connect-url")
    String connectUrl;
    @Inject
    WebConfig web;

    /** 302 to Google's consent page, or {@code 200 {"url": …}} for {@code Accept: application/json}. */
    @GET
    @Path("start")
    @Authenticated
    @Operation(summary = "Start connecting Google Calendar",
            description = "Issues a signed single-use state for the caller and sends them to Google's consent page: a 302, or the "
                    + "URL as JSON when the caller accepts application/json (a front end that navigates itself).")
    @APIResponse(responseCode = "302", description = "To Google's consent page.",
            headers = @Header(name = HttpHeaders.LOCATION, description = "Google's consent page, with our state and PKCE challenge.",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Google's consent page, for Accept: application/json.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentUrlJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_TIME_ZONE")
    public Response start(
            @Parameter(description = "application/json for the URL as JSON instead of a redirect.", example = MediaType.APPLICATION_JSON)
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Parameter(description = "The person's IANA time zone, for the calendar made for them; without it (or empty), the one their token "
                    + "states, else UTC. Google's ID tokens state none, so the web app sends the browser's.", example = "Europe/Berlin")
            @QueryParam("timeZone") String timeZone) {
        Person person = caller.get();
        if (timeZone != null) {
            person = person.inZone(IanaZones.required("timeZone", timeZone).getId());
        }
        String url = start.start(person);
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(new ConsentUrlJson(url)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        return Response.status(Response.Status.FOUND).location(URI.create(url)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Path("callback")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Google's redirect back",
            description = "Where Google sends the browser after consent. No bearer token: the signed single-use state names the "
                    + "person. Exchanges the code, checks the granted scopes and creates the person's \"Schedulr Meetings\" calendar.")
    @APIResponse(responseCode = "200", description = "Connected.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectionJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_STATE STATE_EXPIRED CONSENT_DENIED INVALID_CODE CALENDAR_SCOPES_MISSING "
            + "GOOGLE_ACCOUNT_MISMATCH OFFLINE_ACCESS_MISSING ACCESS_WITHDRAWN GOOGLE_UNAVAILABLE")
    @APIResponse(responseCode = "303", description = "For a browser (Accept: text/html): back to the web app, with "
            + "#calendar=connected or #calendar-error=<code> (the codes of the 400 and 503 answers).",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The web app.", schema = @Schema(type = SchemaType.STRING)))
    public Response googleRedirect(
            @Parameter(description = "Google's authorization code.", example = "4/0AdQt8qh7rM2x9Yk3cUoW1pBfL")
            @QueryParam("code") String code,
            @Parameter(description = "The state this service issued at start.") @QueryParam("state") String state,
            @Parameter(description = "Google's OAuth error when the person did not grant access.", example = "access_denied")
            @QueryParam("error") String error,
            @Parameter(description = "text/html (a browser) for a redirect back to the web app instead of JSON.", example = "text/html")
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        if (accept == null || !accept.contains(MediaType.TEXT_HTML)) {
            return Response.ok(ConnectionJson.of(complete.complete(code, state, error, null), connectUrl)).build();
        }
        String outcome;
        try {
            complete.complete(code, state, error, null);
            outcome = "calendar=connected";
        } catch (ConnectionRefusedException e) {
            outcome = "calendar-error=" + ConnectionErrorMappers.codeOf(e);
        } catch (GoogleUnavailableException e) {
            outcome = "calendar-error=google_unavailable";
        }
        return Response.seeOther(URI.create(web.url() + "#" + outcome)).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("callback")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Finish connecting (front end)",
            description = "A front end that received Google's redirect posts its code and state here with the caller's token; "
                    + "the state must be the caller's own.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CallbackRequest.class),
            examples = @ExampleObject(name = "callback", value = "{\"code\": \"4/0AdQt8qh7rM2x9Yk3cUoW1pBfL\", "
                    + "\"state\": \"bm9uY2UtN2Y0YQ.MTA5ODc2NTQzMjEwOTg3NjU0MzIx.c2lnbmF0dXJl\"}")))
    @APIResponse(responseCode = "200", description = "Connected.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectionJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_REQUEST MALFORMED_JSON INVALID_BODY INVALID_FIELD UNKNOWN_FIELD "
            + "UNSUPPORTED_MEDIA_TYPE INVALID_STATE STATE_EXPIRED INVALID_CODE CALENDAR_SCOPES_MISSING GOOGLE_ACCOUNT_MISMATCH "
            + "OFFLINE_ACCESS_MISSING ACCESS_WITHDRAWN GOOGLE_UNAVAILABLE")
    public ConnectionJson frontEndCallback(CallbackRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_request", "The body must be {\"code\": …, \"state\": …}.");
        }
        return ConnectionJson.of(complete.complete(request.code(), request.state(), null, caller.get().googleAccountId()), connectUrl);
    }
}

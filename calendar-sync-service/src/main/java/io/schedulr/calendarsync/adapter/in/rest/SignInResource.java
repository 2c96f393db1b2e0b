package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.port.in.SignInUseCase;
import io.schedulr.kit.openapi.ErrorResponsesFilter;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.IanaZones;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.regex.Pattern;

/**
 * Google sign-in for the web app (authorization code with PKCE; the browser keeps verifier and state). No bearer
 * token on either: this is how a person gets one.
 */
@Path("/api/auth/google/sign-in")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Sign-in", description = "Google sign-in for the web app: the ID token every API takes as its bearer token.")
public class SignInResource {
    /** RFC 7636: a verifier is 43–128 unreserved characters; an S256 challenge is 43 base64url characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern STATE = Pattern.compile("[\\x21-\\x7e]{16,200}");
    /** An address as Google's login_hint takes it: one @, a host name after it, no spaces or controls, at most 254 characters. */
    private static final Pattern EMAIL = Pattern.compile("(?=.{3,254}$)[^\\s@\\p{Cntrl}\"(),:;<>\\[\\]\\\\]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

    @Inject
    SignInUseCase signIn;

    @GET
    @Operation(summary = "Google's sign-in page",
            description = "Where to send the browser to sign in with Google (openid, email, profile; PKCE S256; Google's "
                    + "account chooser; with the calendar gate on, the Calendar scopes and offline access too, so that signing "
                    + "up grants the calendar). redirectUri must be one of the web app's registered pages.")
    @APIResponse(responseCode = "200", description = "Google's sign-in page.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConsentUrlJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_FIELD REDIRECT_URI_NOT_ALLOWED")
    public Response url(
            @Parameter(description = "The web app's page Google sends the browser back to.", example = "http://localhost:8080/")
            @QueryParam("redirectUri") String redirectUri,
            @Parameter(description = "The web app's own random state (16–200 printable characters), checked when Google sends "
                    + "the browser back.", example = "q0F3b9R2x8Vn4LkT7wZs") @QueryParam("state") String state,
            @Parameter(description = "BASE64URL(SHA-256(verifier)), 43 characters.", example = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
            @QueryParam("codeChallenge") String codeChallenge,
            @Parameter(description = "Renew the sign-in of this address without showing Google's pages (prompt=none): Google sends "
                    + "the browser back at once, with a code while it is still signed in to that account, else with "
                    + "error=login_required. For a web app whose hour-long ID token ran out.", example = "ada@example.com")
            @QueryParam("silentFor") String silentFor) {
        require(redirectUri != null && !redirectUri.isBlank(), "redirectUri", "is required");
        require(state != null && STATE.matcher(state).matches(), "state", "must be 16–200 printable characters");
        require(codeChallenge != null && CHALLENGE.matcher(codeChallenge).matches(), "codeChallenge",
                "must be the 43-character BASE64URL SHA-256 of the verifier");
        require(silentFor == null || EMAIL.matcher(silentFor).matches(), "silentFor", "must be an email address");
        return Response.ok(new ConsentUrlJson(signIn.signInUrl(redirectUri, state, codeChallenge, silentFor)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Finish signing in",
            description = "Exchanges the code Google handed the web app (with the verifier it kept) for the person's Google ID token; "
                    + "a calendar granted with it is connected (its dedicated calendar made in timeZone), and one that cannot be "
                    + "connected is left to the calendar gate, never failing the sign-in.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignInRequest.class),
            examples = @ExampleObject(name = "sign-in", value = "{\"code\": \"4/0AdQt8qh7rM2x9Yk3cUoW1pBfL\", "
                    + "\"codeVerifier\": \"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk\", \"redirectUri\": \"http://localhost:8080/\"}")))
    @APIResponse(responseCode = "200", description = "Signed in.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SignedInJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_REQUEST MALFORMED_JSON INVALID_BODY INVALID_FIELD UNKNOWN_FIELD "
            + "UNSUPPORTED_MEDIA_TYPE REDIRECT_URI_NOT_ALLOWED INVALID_CODE INVALID_TIME_ZONE GOOGLE_UNAVAILABLE")
    public Response finish(SignInRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_request", "The body must be {\"code\": …, \"codeVerifier\": …, \"redirectUri\": …}.");
        }
        require(request.code() != null && !request.code().isBlank() && request.code().length() <= 2048, "code", "is required");
        require(request.codeVerifier() != null && VERIFIER.matcher(request.codeVerifier()).matches(), "codeVerifier",
                "must be 43–128 characters of A–Z a–z 0–9 . _ ~ -");
        require(request.redirectUri() != null && !request.redirectUri().isBlank(), "redirectUri", "is required");
        String zone = request.timeZone() == null ? null : IanaZones.required("timeZone", request.timeZone()).getId();
        return Response.ok(SignedInJson.of(signIn.signIn(request.code(), request.codeVerifier(), request.redirectUri(), zone)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static void require(boolean ok, String field, String rule) {
        if (!ok) {
            throw ApiException.badRequest("invalid_field", "Field '" + field + "' " + rule + ".");
        }
    }
}

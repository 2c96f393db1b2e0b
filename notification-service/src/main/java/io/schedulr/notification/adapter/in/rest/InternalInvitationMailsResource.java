package io.schedulr.notification.adapter.in.rest;

import io.schedulr.kit.openapi.ErrorResponsesFilter;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.QueryParameters;
import io.schedulr.kit.security.ServiceKeys;
import io.schedulr.notification.application.port.in.ListInvitationMailsUseCase;
import io.schedulr.notification.domain.InvitationMail;
import io.schedulr.notification.domain.InviteMethod;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /internal/interviews/{interviewId}/invitation-mails}: what became of an interview's invitation mails, one
 * entry per address, for scheduling-service's interview page. Not a user route: the caller is a service, authenticated
 * by a shared key in {@value ServiceKeys#HEADER} ({@link ServiceKeys}), checked before anything else of the request is
 * looked at; a bearer token, a person's or a refused one, decides nothing here (the route is not {@code @Authenticated},
 * and authentication is not proactive). Not routed by the ingress. Whether the interview exists, and who may see it, is
 * scheduling-service's to decide: an interview nothing is recorded for is an empty list.
 */
@Path("/internal/interviews/{interviewId}/invitation-mails")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Service-to-service routes; not exposed by the ingress.")
public class InternalInvitationMailsResource {
    @Inject
    ServiceKeys keys;
    @Inject
    ListInvitationMailsUseCase mails;

    @GET
    @Operation(summary = "An interview's invitation mails, for another service",
            description = "The latest invitation mail of the interview to each address and what became of it: WAITING to be sent, "
                    + "RETRYING after a failure, SENT (accepted by our mail server), then as the mail provider reports it DELIVERED, "
                    + "DELAYED, BOUNCED (bounced or rejected) or COMPLAINED; UNDELIVERABLE when no mail can be made for the address, "
                    + "LEFT_TO_GOOGLE when Google invites the person instead. Addresses in the order they were first mailed; changes "
                    + "that mailed nobody anew (superseded, stale, duplicate, nothing new) do not count. An empty list when nothing "
                    + "is recorded for the interview (a draft, or an id never seen here). For scheduling-service's interview page; "
                    + "authenticated by the " + ServiceKeys.HEADER + " header (any of the keys configured as "
                    + "schedulr.internal.service-keys), checked before anything else; a bearer token is not looked at. Not exposed "
                    + "by the ingress. Takes no query parameters.")
    @APIResponse(responseCode = "200", description = "The latest mail to each address (empty when none is recorded).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationMailsJson.class)))
    @APIResponse(responseCode = "401", description = "The " + ServiceKeys.HEADER + " header is missing or not one of the configured keys.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ErrorResponsesFilter.SCHEMA)))
    @APIResponse(responseCode = "503", description = "No service key is configured on this server (the route is off), or the "
            + "database cannot be reached; the code says which.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ErrorResponsesFilter.SCHEMA)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "SERVICE_KEY_REQUIRED UNKNOWN_PARAMETER INVALID_INTERVIEW_ID SERVICE_KEY_NOT_CONFIGURED")
    public Uni<InvitationMailsJson> list(
            @Parameter(in = ParameterIn.HEADER, name = ServiceKeys.HEADER, required = true,
                    description = "One of the service keys configured as schedulr.internal.service-keys (SCHEDULR_SERVICE_KEYS).")
            @HeaderParam(ServiceKeys.HEADER) String serviceKey,
            @Parameter(description = "The interview's id (scheduling-service's), a UUID in canonical lower-case form.",
                    example = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
            @PathParam("interviewId") String interviewId,
            @Context UriInfo uri) {
        keys.check(serviceKey);
        QueryParameters.refuseAny(uri.getQueryParameters().keySet());
        String interview = interviewId(interviewId);
        return mails.list(interview).map(InvitationMailsJson::of);
    }

    /** Interview ids are UUIDs (scheduling-service makes them), in the canonical lower-case spelling its events carry. */
    private static String interviewId(String raw) {
        try {
            if (raw != null && UUID.fromString(raw).toString().equals(raw)) {
                return raw;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.badRequest("invalid_interview_id",
                "Interview id '" + Excerpts.of(raw) + "' is not a UUID in canonical lower-case form.");
    }

    @Schema(name = "InvitationMails", description = "What became of an interview's invitation mails, one entry per address.")
    public record InvitationMailsJson(
            @Schema(description = "The latest mail to each address, in the order the addresses were first mailed.")
            List<InvitationMailJson> mails) {
        static InvitationMailsJson of(List<InvitationMail> mails) {
            return new InvitationMailsJson(mails.stream().map(InvitationMailJson::of).toList());
        }
    }

    @Schema(name = "InvitationMail", description = "The latest invitation mail of the interview to one address.")
    public record InvitationMailJson(
            @Schema(description = "The address, as the latest mail to it spells it (addresses are compared without regard to case).",
                    examples = "grace@acme.test") String recipient,
            @Schema(description = "iCalendar METHOD of the mail: REQUEST invites or updates, CANCEL withdraws.", type = SchemaType.STRING,
                    implementation = InviteMethod.class, examples = "REQUEST") String method,
            @Schema(description = "iCalendar SEQUENCE the mail carries.", examples = "1") int sequence,
            @Schema(description = "Where the mail stands: WAITING (queued), RETRYING (failed, tried again later), SENT (accepted by our "
                    + "mail server, nothing reported since), DELIVERED, DELAYED, BOUNCED, COMPLAINED (as the mail provider reported "
                    + "last), UNDELIVERABLE (no mail can be made for the address), LEFT_TO_GOOGLE (Google invites the person).",
                    type = SchemaType.STRING, implementation = InvitationMail.State.class, examples = "SENT") String state,
            @Schema(description = "When the state last changed: the latest attempt of the mail or provider report about it.",
                    examples = "2030-01-01T09:00:01.234Z") Instant at,
            @Schema(description = "Why, where there is a reason: the error of the last failed attempt (RETRYING), the mail provider's "
                    + "diagnostic (BOUNCED, DELAYED, …), why no mail can be made (UNDELIVERABLE); at most "
                    + InvitationMail.MAX_DETAIL + " characters, null when none.", nullable = true,
                    examples = "550 5.1.1 mailbox unavailable") String detail) {
        static InvitationMailJson of(InvitationMail m) {
            return new InvitationMailJson(m.recipient(), m.method().name(), m.sequence(), m.state().name(), m.at(), m.detail());
        }
    }
}

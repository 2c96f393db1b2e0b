package io.schedulr.scheduling.adapter.in.rest.interview;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.adapter.in.rest.RequestValues;
import io.schedulr.scheduling.application.port.in.interview.InvitationMailsUseCase;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.schedulr.kit.openapi.ErrorResponsesFilter.CODES;

/** {@code GET /api/interviews/{id}/invitation-mails}: what became of the interview's mails, for those who may see it. */
@Path("/api/interviews/{id}/invitation-mails")
@Authenticated
@Tag(name = "Interviews")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationMailsResource {
    @Inject
    CurrentCaller caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    InvitationMailsUseCase mails;

    @GET
    @Operation(summary = "What became of the interview's invitation mails",
            description = "The latest mail to each address the interview's invitations and cancellations went to, in the order they "
                    + "were first mailed, as notification-service knows it: waiting, retrying (the mail server refused it for now), sent, "
                    + "delivered, delayed, bounced or complained (as the mail provider reported), undeliverable (the address cannot be "
                    + "mailed) or left_to_google (Google invites the person). Empty for a draft and for a booking made on Cal.com "
                    + "directly (Cal.com tells its people). For everyone who may read the interview.")
    @APIResponse(responseCode = "200", description = "The mails.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationMailsResponse.class)))
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found mail_status_unavailable")
    public Uni<InvitationMailsResponse> list(@PathParam("id") String id) {
        return mails.mails(TeamActors.of(caller, identity), RequestValues.id("interview", id)).map(InvitationMailsResponse::of);
    }
}

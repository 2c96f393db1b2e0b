package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.port.in.ReceivePushUseCase.Push;
import io.schedulr.calendarsync.application.port.in.ReceivePushUseCase;
import io.schedulr.kit.openapi.ErrorResponsesFilter;
import io.schedulr.kit.rest.ApiError;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Google's push notifications ({@code events.watch}): an empty POST naming the channel, its token and what happened.
 * Public (Google sends no bearer token): believed only from a known, live channel whose token matches; the work is
 * only asked for here, so Google gets its answer at once.
 */
@Path("/api/google/webhook")
@Tag(name = "Google webhook", description = "Called by Google when a watched calendar changes.")
public class GoogleWebhookResource {
    private static final Logger LOG = Logger.getLogger(GoogleWebhookResource.class);
    private static final java.util.Set<String> STATES = java.util.Set.of("sync", "exists", "not_exists");

    @Inject
    ReceivePushUseCase pushes;

    @POST
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Google push notification",
            description = "Google's events.watch notification: an empty POST whose headers name the channel, its token and what "
                    + "happened. No bearer token; believed only from a known, live channel whose token and resource match. "
                    + "Only asks for a sync, so Google gets its answer at once.")
    @APIResponse(responseCode = "204", description = "Accepted: a sync of the channel's calendar is asked for, or the channel confirmed.")
    @Extension(name = ErrorResponsesFilter.CODES, value = "NOT_A_GOOGLE_PUSH INVALID_RESOURCE_STATE CHANNEL_TOKEN_MISMATCH UNKNOWN_CHANNEL")
    public Response receive(
            @Parameter(description = "The channel's id, as we gave it when watching.", required = true,
                    example = "6f0c2b8e-3d4a-4e5f-9a1b-2c3d4e5f6a7b") @HeaderParam("X-Goog-Channel-ID") String channelId,
            @Parameter(description = "The channel's secret token, as we gave it when watching.")
            @HeaderParam("X-Goog-Channel-Token") String token,
            @Parameter(description = "Google's id of the watched resource.", example = "o3hgv1538sdjfh")
            @HeaderParam("X-Goog-Resource-ID") String resourceId,
            @Parameter(description = "What happened.", required = true,
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"sync", "exists", "not_exists"}), example = "exists")
            @HeaderParam("X-Goog-Resource-State") String state,
            @Parameter(description = "Google's message number on the channel.", example = "2")
            @HeaderParam("X-Goog-Message-Number") String messageNumber) {
        if (blank(channelId) || blank(state)) {
            return error(Response.Status.BAD_REQUEST, "not_a_google_push", "A Google push names its channel (X-Goog-Channel-ID) and "
                    + "what happened (X-Goog-Resource-State).");
        }
        if (!STATES.contains(state)) {
            return error(Response.Status.BAD_REQUEST, "invalid_resource_state", "X-Goog-Resource-State is sync, exists or not_exists.");
        }
        ReceivePushUseCase.Outcome outcome = pushes.receive(new Push(channelId, token, resourceId, state));
        return switch (outcome) {
            case SYNC_REQUESTED, CHANNEL_CONFIRMED -> {
                LOG.debugf("push %s #%s on channel %s: %s", state, messageNumber, channelId, outcome);
                yield Response.noContent().build();
            }
            case UNKNOWN_CHANNEL -> {
                LOG.infof("push on unknown or ended channel %s refused", channelId);
                yield error(Response.Status.NOT_FOUND, "unknown_channel", "No live channel has this id.");
            }
            case FORGED -> {
                LOG.warnf("push on channel %s with a wrong token or resource refused", channelId);
                yield error(Response.Status.FORBIDDEN, "channel_token_mismatch", "The channel token does not match.");
            }
        };
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(code, message)).build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package io.schedulr.calendarsync.adapter.in.rest;

import io.schedulr.calendarsync.application.port.in.ReceivePushUseCase;
import io.schedulr.calendarsync.application.port.in.ReceivePushUseCase.Push;
import io.schedulr.kit.rest.ApiError;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * Google's push notifications ({@code events.watch}): an empty POST naming the channel, its token and what happened.
 * Public (Google sends no bearer token): believed only from a known, live channel whose token matches; the work is
 * only asked for here, so Google gets its answer at once.
 */
@Path("/api/google/webhook")
public class GoogleWebhookResource {
    private static final Logger LOG = Logger.getLogger(GoogleWebhookResource.class);
    private static final java.util.Set<String> STATES = java.util.Set.of("sync", "exists", "not_exists");

    @Inject
    ReceivePushUseCase pushes;

    @POST
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("X-Goog-Channel-ID") String channelId, @HeaderParam("X-Goog-Channel-Token") String token,
                            @HeaderParam("X-Goog-Resource-ID") String resourceId, @HeaderParam("X-Goog-Resource-State") String state,
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

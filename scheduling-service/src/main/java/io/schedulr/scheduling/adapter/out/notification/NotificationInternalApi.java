package io.schedulr.scheduling.adapter.out.notification;

import io.schedulr.kit.security.ServiceKeys;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * notification-service's service-to-service {@code GET /internal/interviews/{id}/invitation-mails}: what became of an
 * interview's mails, for the holder of the service key (never routed by the ingress).
 */
@RegisterRestClient(configKey = "notification")
@Path("/internal")
public interface NotificationInternalApi {
    @GET
    @Path("/interviews/{id}/invitation-mails")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<InvitationMailsAnswer> invitationMails(@HeaderParam(ServiceKeys.HEADER) String serviceKey, @PathParam("id") String interviewId);
}

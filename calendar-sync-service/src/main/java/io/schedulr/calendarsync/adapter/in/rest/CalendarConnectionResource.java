package io.schedulr.calendarsync.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.calendarsync.application.port.in.ManageConnectionUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The caller's own connection: look at it, or end it. */
@Path("/api/calendar/connection")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CalendarConnectionResource {
    @Inject
    CallerPerson caller;
    @Inject
    ManageConnectionUseCase connections;
    @ConfigProperty(name = "schedulr.calendar.connect-url")
    String connectUrl;

    @GET
    public ConnectionJson get() {
        return ConnectionJson.of(connections.connectionOf(caller.get()), connectUrl);
    }

    /** Revokes our access at Google and forgets the token; answers the state after, {@code not_connected}. */
    @DELETE
    public ConnectionJson disconnect() {
        return ConnectionJson.of(connections.disconnect(caller.get()), connectUrl);
    }
}

package io.schedulr.kit.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.security.Caller;
import io.schedulr.kit.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/whoami}: who the service thinks is calling. Proves a token is accepted end to end. */
@Path("/api/whoami")
@Authenticated
public class WhoAmIResource {
    @Inject
    CurrentCaller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Caller whoAmI() {
        return caller.get();
    }
}

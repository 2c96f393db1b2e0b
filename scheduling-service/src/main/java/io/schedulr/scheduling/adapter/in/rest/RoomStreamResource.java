package io.schedulr.scheduling.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.WatchRoomsUseCase;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Duration;

/** {@code GET /api/practice-rooms/stream}: Server-Sent Events of the room changes the caller may see. */
@Path("/api/practice-rooms/stream")
@Authenticated
public class RoomStreamResource {
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    @Inject
    CurrentCaller caller;
    @Inject
    WatchRoomsUseCase rooms;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<RoomStreamEvent> stream() {
        String viewer = caller.get().id();
        Multi<RoomStreamEvent> changes = rooms.watch(viewer).map(RoomStreamEvent::of);
        Multi<RoomStreamEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT).map(t -> RoomStreamEvent.heartbeat());
        // Merging subscribes to the changes before "connected" is sent, so a client that waits for it misses nothing.
        return Multi.createBy().merging().streams(changes, heartbeats, Multi.createFrom().item(RoomStreamEvent.connected()));
    }
}

package io.schedulr.scheduling.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.WatchRoomsUseCase;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/practice-rooms/stream}: Server-Sent Events of the room changes the caller may see. Every change
 * (and a {@code reload}) carries an SSE {@code id:}, an opaque resume point (not the event's id: that is in the data),
 * so a browser that reconnects, to this replica or another, sends {@code Last-Event-ID} and gets what it missed first
 * (or a {@code reload} event when that cannot be told for sure).
 */
@Path("/api/practice-rooms/stream")
@Authenticated
@Tag(name = "Practice rooms")
public class RoomStreamResource {
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);

    @Inject
    CurrentCaller caller;
    @Inject
    WatchRoomsUseCase rooms;
    @Inject
    Clock clock;
    @Context
    Sse sse;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events of the room changes the caller may see; Last-Event-ID resumes after a reconnect")
    @APIResponse(responseCode = "200", description = "An endless event stream; each event's data is one RoomStreamEvent (connected, "
            + "heartbeat every 20 s, a room event, hidden (only the room's id) when a room the caller could see is no longer "
            + "theirs to see, or reload when the client should list the rooms again).",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = RoomStreamEvent.class)))
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId) {
        String viewer = caller.get().id();
        // Any id given is handed on (one that is not ours, however long, gets a reload, never a silent fresh start).
        String resumeAfter = lastEventId == null || lastEventId.isBlank() ? null : lastEventId.strip();
        Multi<OutboundSseEvent> changes = rooms.watch(viewer, resumeAfter).map(c -> event(c.resumeId(), RoomStreamEvent.of(c, clock.instant())));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT).map(t -> event(null, RoomStreamEvent.heartbeat(clock.instant())));
        // Merging subscribes to the changes before "connected" is sent, so a client that waits for it misses nothing.
        return Multi.createBy().merging().streams(changes, heartbeats, Multi.createFrom().item(event(null, RoomStreamEvent.connected(clock.instant()))));
    }

    private OutboundSseEvent event(String id, RoomStreamEvent data) {
        OutboundSseEvent.Builder builder = sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE).data(data);
        return id == null ? builder.build() : builder.id(id).build();
    }
}

package io.schedulr.scheduling.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.RoomQueriesUseCase;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.schedulr.scheduling.domain.UserProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.schedulr.scheduling.application.port.in.CalendarFitUseCase;
import static io.schedulr.kit.openapi.ErrorResponsesFilter.CODES;

@Path("/api/practice-rooms")
@Authenticated
@Tag(name = "Practice rooms")
@Produces(MediaType.APPLICATION_JSON)
public class PracticeRoomQueryResource {
    private static final int MAX_OFFSET = 1_000_000;
    @Inject
    CurrentCaller caller;
    @Inject
    RoomQueriesUseCase queries;
    @Inject
    SchedulingConfig config;
    @Inject
    CalendarFitUseCase calendarFit;

    @GET
    @Operation(summary = "List the open rooms the caller may book (scope=open, the default), their own as host or guest that have "
            + "not ended (scope=mine, soonest first) or that have ended (scope=past, the latest first); offset pages through them. "
            + "An open room whose host is booked elsewhere at its time is left out, so an open page may hold fewer than limit; the "
            + "next page still starts at offset + limit")
    @Extension(name = CODES, value = "invalid_scope invalid_limit invalid_offset invalid_fitsMyCalendar")
    public Uni<List<RoomResponse>> list(@QueryParam("scope") String scope, @QueryParam("limit") @DefaultValue("50") String limit,
                                        @QueryParam("offset") @DefaultValue("0") String offset,
                                        @Parameter(description = "true: leave out rooms that clash with the caller's booked sessions or "
                                                + "Google busy times (the page may then hold fewer than limit).")
                                        @QueryParam("fitsMyCalendar") String fitsMyCalendar) {
        UserProfile actor = Callers.toProfile(caller);
        boolean fitting = RequestValues.flag("fitsMyCalendar", fitsMyCalendar);
        return queries.list(actor, RequestValues.scope(scope), RequestValues.number("limit", limit, 1, config.room().maxPageSize()),
                        RequestValues.number("offset", offset, 0, MAX_OFFSET))
                .chain(rooms -> fitting ? calendarFit.fitting(actor.id(), rooms, d -> d.room().window()) : Uni.createFrom().item(rooms))
                .map(rooms -> rooms.stream().map(d -> RoomResponse.of(d, actor.id())).toList());
    }

    @GET
    @Path("/{roomId}")
    @Operation(summary = "Read one room (a private room only for its host, guest or the person it is offered to)")
    @Extension(name = CODES, value = "invalid_room_id room_not_found")
    public Uni<RoomResponse> get(@PathParam("roomId") String roomId) {
        UserProfile actor = Callers.toProfile(caller);
        return queries.get(actor, RequestValues.roomId(roomId)).map(d -> RoomResponse.of(d, actor.id()));
    }
}

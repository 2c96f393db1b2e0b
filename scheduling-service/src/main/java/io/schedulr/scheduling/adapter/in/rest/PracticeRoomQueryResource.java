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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
            + "next page still starts at offset + limit, and a Link header (rel=\"next\") names it while the list may go on")
    @APIResponse(responseCode = "200", description = "The page's rooms.",
            headers = @Header(name = "Link", description = "<the next page>; rel=\"next\" — absent once the list ran out (a short "
                    + "page alone does not say so: rooms may have been left out of it).", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RoomResponse.class)))
    @Extension(name = CODES, value = "invalid_scope invalid_limit invalid_offset invalid_fitsMyCalendar")
    public Uni<Response> list(@QueryParam("scope") String scope, @QueryParam("limit") @DefaultValue("50") String limit,
                              @QueryParam("offset") @DefaultValue("0") String offset,
                              @Parameter(description = "true: leave out rooms that clash with the caller's booked sessions or "
                                      + "Google busy times (the page may then hold fewer than limit).")
                              @QueryParam("fitsMyCalendar") String fitsMyCalendar,
                              @Context UriInfo uri) {
        UserProfile actor = Callers.toProfile(caller);
        boolean fitting = RequestValues.flag("fitsMyCalendar", fitsMyCalendar);
        int size = RequestValues.number("limit", limit, 1, config.room().maxPageSize());
        int from = RequestValues.number("offset", offset, 0, MAX_OFFSET);
        return queries.list(actor, RequestValues.scope(scope), size, from)
                .chain(page -> (fitting ? calendarFit.fitting(actor.id(), page.rooms(), d -> d.room().window())
                        : Uni.createFrom().item(page.rooms()))
                        .map(rooms -> {
                            Response.ResponseBuilder answer = Response.ok(rooms.stream().map(d -> RoomResponse.of(d, actor.id())).toList());
                            return (page.more() && from + size <= MAX_OFFSET ? answer.header(HttpHeaders.LINK, next(uri, from + size))
                                    : answer).build();
                        }));
    }

    /** The same list from {@code offset}, as a path and query (the caller's own origin). */
    private static String next(UriInfo uri, int offset) {
        java.net.URI next = uri.getRequestUriBuilder().replaceQueryParam("offset", offset).build();
        return "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"";
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

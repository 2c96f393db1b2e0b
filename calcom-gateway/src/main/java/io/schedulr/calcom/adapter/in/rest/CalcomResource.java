package io.schedulr.calcom.adapter.in.rest;

import io.quarkus.security.Authenticated;
import io.schedulr.calcom.adapter.in.rest.CalcomResponses.AvailabilityJson;
import io.schedulr.calcom.adapter.in.rest.CalcomResponses.BookingJson;
import io.schedulr.calcom.adapter.in.rest.CalcomResponses.EventTypeJson;
import io.schedulr.calcom.application.port.in.BookingId;
import io.schedulr.calcom.application.port.in.BookingsUseCase;
import io.schedulr.calcom.application.port.in.CancelBookingCommand;
import io.schedulr.calcom.application.port.in.CreateBookingCommand;
import io.schedulr.calcom.application.port.in.EventTypesUseCase;
import io.schedulr.calcom.application.port.in.FindSlotsQuery;
import io.schedulr.calcom.application.port.in.InvalidInputException;
import io.schedulr.calcom.application.port.in.RescheduleBookingCommand;
import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.calcom.application.port.in.Actor;
import io.schedulr.kit.openapi.ErrorResponsesFilter;
import io.schedulr.kit.security.Caller;
import io.schedulr.kit.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * calcom-gateway's own API over Cal.com for the interview domain (docs/calcom-gateway-api.md): event types, slots,
 * bookings. Every route needs a signed-in caller's bearer token; failures answer {@code {"code","message"}}.
 */
@Path("/api/calcom")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cal.com", description = "Event types, free slots and bookings on Cal.com, for the interview domain.")
public class CalcomResource {
    /** What every route that calls Cal.com may answer from Cal.com's side. */
    private static final String CALCOM_FAILURES = " CALCOM_NOT_FOUND CALCOM_REJECTED CALCOM_RATE_LIMITED CALCOM_UNAVAILABLE";
    /** What service-kit's JSON mappers and {@link StrictBodies} refuse in a request body. */
    private static final String BODY_REFUSALS = " MALFORMED_JSON INVALID_BODY UNKNOWN_FIELD INVALID_FIELD UNSUPPORTED_MEDIA_TYPE";

    @Inject
    CurrentCaller caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    EventTypesUseCase eventTypes;
    @Inject
    BookingsUseCase bookings;
    @Inject
    StrictBodies bodies;

    @GET
    @Path("/event-types")
    @Operation(summary = "Event types", description = "The Cal.com event types an interview can be booked as, with their hosts.")
    @APIResponse(responseCode = "200", description = "Every event type.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = EventTypeJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "CALCOM_REJECTED CALCOM_RATE_LIMITED CALCOM_UNAVAILABLE")
    public Uni<List<EventTypeJson>> eventTypes() {
        caller.get();
        return eventTypes.eventTypes().map(types -> types.stream().map(EventTypeJson::of).toList());
    }

    /** {@code ?eventTypeId&start&end[&timeZone][&lengthInMinutes]}; start and end are dates or timestamps with an offset. */
    @GET
    @Path("/slots")
    @Operation(summary = "Free slots of an event type",
            description = "Free slots in a window of at most a few weeks, per hosting member and in the asked zone. Each parameter "
                    + "at most once; no other parameters.")
    @APIResponse(responseCode = "200", description = "The free slots.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AvailabilityJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_FIELD" + CALCOM_FAILURES)
    public Uni<AvailabilityJson> slots(
            @Parameter(required = true, description = "The Cal.com event type.",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64"), example = "1001")
            @QueryParam("eventTypeId") String eventTypeIdText,
            @Parameter(required = true, description = "Window start: a date (its start, UTC) or a timestamp with an offset.",
                    example = "2031-03-03")
            @QueryParam("start") String startText,
            @Parameter(required = true, description = "Window end: a date (its end, UTC) or a timestamp with an offset; after start.",
                    example = "2031-03-04")
            @QueryParam("end") String endText,
            @Parameter(description = "IANA zone to give the slots in; UTC when left out.", example = "Europe/Berlin")
            @QueryParam("timeZone") String timeZone,
            @Parameter(description = "A duration the event type offers; its default when left out.",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32"), example = "45")
            @QueryParam("lengthInMinutes") String lengthText,
            @Context UriInfo uri) {
        caller.get();
        uri.getQueryParameters().forEach((name, values) -> {
            if (values.size() > 1) {
                throw new InvalidInputException(name, "must be given once.");
            }
        });
        long eventTypeId = number(eventTypeIdText, "eventTypeId", true);
        Instant start = bound(startText, "start", false);
        Instant end = bound(endText, "end", true);
        Integer length = lengthText == null ? null : (int) number(lengthText, "lengthInMinutes", true);
        FindSlotsQuery slotsQuery = new FindSlotsQuery(eventTypeId, start, end, timeZone, length);
        return eventTypes.availability(slotsQuery).map(AvailabilityJson::of);
    }

    @POST
    @Path("/bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book", description = "Books an interview on Cal.com for the caller; the booking's metadata names the "
            + "interview and the caller, who alone (or an admin) may read, cancel or reschedule it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalcomRequests.CreateBooking.class),
            examples = @ExampleObject(name = "booking", value = "{\"interviewId\": \"iv-42\", "
                    + "\"eventTypeId\": 1001, \"start\": \"2031-03-03T09:00:00Z\", \"lengthInMinutes\": 45, "
                    + "\"attendee\": {\"name\": \"Grace Hopper\", \"email\": \"grace@example.com\", \"timeZone\": \"America/New_York\"}, "
                    + "\"guests\": [\"ada@example.com\"]}")))
    @APIResponse(responseCode = "201", description = "Booked.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_REQUEST" + BODY_REFUSALS + CALCOM_FAILURES)
    public Uni<RestResponse<BookingJson>> book(byte[] body) throws IOException {
        Caller me = caller.get();
        CalcomRequests.CreateBooking request = bodies.read(body, CalcomRequests.CreateBooking.class, true);
        if (request.eventTypeId() == null) {
            throw new InvalidInputException("eventTypeId", "is required.");
        }
        CalcomRequests.Attendee a = request.attendee();
        CreateBookingCommand command = new CreateBookingCommand(request.interviewId(), request.eventTypeId(),
                timestamp(request.start(), "start"), request.lengthInMinutes(),
                a == null ? null : new CreateBookingCommand.Attendee(a.name(), a.email(), a.timeZone(), a.language()), request.guests(),
                me.id());
        return bookings.book(command).map(b -> RestResponse.status(RestResponse.Status.CREATED, BookingJson.of(b)));
    }

    @GET
    @Path("/bookings/{uid}")
    @Operation(summary = "A booking", description = "A booking the caller made (an admin: any); any other is calcom_not_found.")
    @APIResponse(responseCode = "200", description = "The booking.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_FIELD" + CALCOM_FAILURES)
    public Uni<BookingJson> booking(
            @Parameter(description = "Cal.com's booking uid.", example = "8bYkhFgTPrq1HqByE7jwoE") @PathParam("uid") String uid) {
        return bookings.booking(new BookingId(uid), actor()).map(BookingJson::of);
    }

    @POST
    @Path("/bookings/{uid}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a booking", description = "Cancels a booking the caller made (an admin: any). The body may be left out: "
            + "Cal.com is then given the reason \"Cancelled in schedulr\", since it refuses a host's cancellation without one.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalcomRequests.Cancel.class),
            examples = @ExampleObject(name = "cancel", value = "{\"cancellationReason\": \"The startup withdrew.\"}")))
    @APIResponse(responseCode = "200", description = "The booking after: cancelled.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = BODY_REFUSALS + CALCOM_FAILURES)
    public Uni<BookingJson> cancel(
            @Parameter(description = "Cal.com's booking uid.", example = "8bYkhFgTPrq1HqByE7jwoE") @PathParam("uid") String uid,
            byte[] body) throws IOException {
        Actor actor = actor();
        CalcomRequests.Cancel request = bodies.read(body, CalcomRequests.Cancel.class, false);
        return bookings.cancel(new CancelBookingCommand(uid, request.cancellationReason()), actor).map(BookingJson::of);
    }

    @POST
    @Path("/bookings/{uid}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reschedule a booking", description = "Moves a booking the caller made (an admin: any) to a new start; "
            + "Cal.com answers with a new booking uid that replaces the old one (same iCalendar UID).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalcomRequests.Reschedule.class),
            examples = @ExampleObject(name = "reschedule", value = "{\"start\": \"2031-03-03T10:00:00Z\", "
                    + "\"reschedulingReason\": \"The founder is travelling.\"}")))
    @APIResponse(responseCode = "201", description = "The new booking that replaces the old one.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BookingJson.class)))
    @Extension(name = ErrorResponsesFilter.CODES, value = "INVALID_REQUEST" + BODY_REFUSALS + CALCOM_FAILURES)
    public Uni<RestResponse<BookingJson>> reschedule(
            @Parameter(description = "Cal.com's booking uid.", example = "8bYkhFgTPrq1HqByE7jwoE") @PathParam("uid") String uid,
            byte[] body) throws IOException {
        Actor actor = actor();
        CalcomRequests.Reschedule request = bodies.read(body, CalcomRequests.Reschedule.class, true);
        RescheduleBookingCommand command = new RescheduleBookingCommand(uid, timestamp(request.start(), "start"),
                request.reschedulingReason());
        return bookings.reschedule(command, actor).map(b -> RestResponse.status(RestResponse.Status.CREATED, BookingJson.of(b)));
    }

    private Actor actor() {
        return new Actor(caller.get().id(), identity.hasRole("admin"));
    }

    private static long number(String text, String field, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "is required.");
            }
            return 0;
        }
        if (!text.matches("\\d{1,12}")) {
            throw new InvalidInputException(field, "must be a positive whole number.");
        }
        return Long.parseLong(text);
    }

    /** An ISO 8601 timestamp with an offset ({@code 2030-09-05T09:00:00Z}, {@code …+02:00}); null stays null for the command. */
    private static Instant timestamp(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() > 40) {
                throw new DateTimeException("too long");
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "must be a timestamp with an offset, such as 2030-09-05T09:00:00Z.");
        }
    }

    /** A date ({@code 2030-09-05}: its start, or for {@code end} its end, in UTC) or a timestamp with an offset. */
    private static Instant bound(String text, String field, boolean end) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "is required.");
        }
        if (text.length() > 40) {
            throw new InvalidInputException(field, "must be a date (2030-09-05) or a timestamp with an offset (2030-09-05T09:00:00Z).");
        }
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "must be a date (2030-09-05) or a timestamp with an offset (2030-09-05T09:00:00Z).");
        }
    }
}

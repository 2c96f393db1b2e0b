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
import io.schedulr.kit.security.Caller;
import io.schedulr.kit.security.CurrentCaller;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
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
public class CalcomResource {
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
    public Uni<List<EventTypeJson>> eventTypes() {
        caller.get();
        return eventTypes.eventTypes().map(types -> types.stream().map(EventTypeJson::of).toList());
    }

    /** {@code ?eventTypeId&start&end[&timeZone][&lengthInMinutes]}; start and end are dates or timestamps with an offset. */
    @GET
    @Path("/slots")
    public Uni<AvailabilityJson> slots(@Context UriInfo uri) {
        caller.get();
        var query = uri.getQueryParameters();
        for (String name : query.keySet()) {
            if (!List.of("eventTypeId", "start", "end", "timeZone", "lengthInMinutes").contains(name)) {
                throw new InvalidInputException(name, "is not a parameter of this request.");
            }
            if (query.get(name).size() > 1) {
                throw new InvalidInputException(name, "must be given once.");
            }
        }
        long eventTypeId = number(query.getFirst("eventTypeId"), "eventTypeId", true);
        Instant start = bound(query.getFirst("start"), "start", false);
        Instant end = bound(query.getFirst("end"), "end", true);
        String lengthText = query.getFirst("lengthInMinutes");
        Integer length = lengthText == null ? null : (int) number(lengthText, "lengthInMinutes", true);
        FindSlotsQuery slotsQuery = new FindSlotsQuery(eventTypeId, start, end, query.getFirst("timeZone"), length);
        return eventTypes.availability(slotsQuery).map(AvailabilityJson::of);
    }

    @POST
    @Path("/bookings")
    @Consumes(MediaType.APPLICATION_JSON)
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
    public Uni<BookingJson> booking(@PathParam("uid") String uid) {
        return bookings.booking(new BookingId(uid), actor()).map(BookingJson::of);
    }

    @POST
    @Path("/bookings/{uid}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<BookingJson> cancel(@PathParam("uid") String uid, byte[] body) throws IOException {
        Actor actor = actor();
        CalcomRequests.Cancel request = bodies.read(body, CalcomRequests.Cancel.class, false);
        return bookings.cancel(new CancelBookingCommand(uid, request.cancellationReason()), actor).map(BookingJson::of);
    }

    @POST
    @Path("/bookings/{uid}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<BookingJson>> reschedule(@PathParam("uid") String uid, byte[] body) throws IOException {
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

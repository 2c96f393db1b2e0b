package io.schedulr.calcom.adapter.out.calcomapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/**
 * Cal.com API v2 ({@code https://api.cal.com/v2}; base URL from {@code quarkus.rest-client.calcom.url}). The key goes in
 * {@code Authorization: Bearer …}, each versioned endpoint sends its {@link CalcomApiVersions} value, and every request
 * carries our correlation id in {@value #CORRELATION_HEADER}. Every answer's rate-limit headers are read by
 * {@link RateLimitBudget}.
 */
@RegisterRestClient(configKey = "calcom")
@RegisterProvider(RateLimitBudget.class)
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
public interface CalcomV2Client {
    String CORRELATION_HEADER = "X-Correlation-Id";

    @GET
    @Path("/me")
    Uni<CalcomJson.Envelope<CalcomJson.Me>> me(@HeaderParam("Authorization") String authorization,
                                               @HeaderParam(CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/event-types")
    @ClientHeaderParam(name = CalcomApiVersions.HEADER, value = CalcomApiVersions.EVENT_TYPES)
    Uni<CalcomJson.Envelope<List<CalcomJson.EventType>>> eventTypes(@HeaderParam("Authorization") String authorization,
                                                                    @HeaderParam(CORRELATION_HEADER) String correlationId);

    @GET
    @Path("/event-types/{eventTypeId}")
    @ClientHeaderParam(name = CalcomApiVersions.HEADER, value = CalcomApiVersions.EVENT_TYPES)
    Uni<CalcomJson.Envelope<CalcomJson.EventType>> eventType(@HeaderParam("Authorization") String authorization,
                                                             @HeaderParam(CORRELATION_HEADER) String correlationId,
                                                             @PathParam("eventTypeId") long eventTypeId);

    @GET
    @Path("/teams/{teamId}/event-types")
    @ClientHeaderParam(name = CalcomApiVersions.HEADER, value = CalcomApiVersions.TEAM_EVENT_TYPES)
    Uni<CalcomJson.Envelope<List<CalcomJson.EventType>>> teamEventTypes(@HeaderParam("Authorization") String authorization,
                                                                        @HeaderParam(CORRELATION_HEADER) String correlationId,
                                                                        @PathParam("teamId") long teamId);

    /** {@code data}: slots by date, {@code {"2030-09-05":[{"start","end"}]}} with {@code format=range}. */
    @GET
    @Path("/slots")
    @ClientHeaderParam(name = CalcomApiVersions.HEADER, value = CalcomApiVersions.SLOTS)
    Uni<CalcomJson.Envelope<Map<String, List<CalcomJson.Slot>>>> slots(@HeaderParam("Authorization") String authorization,
                                                                       @HeaderParam(CORRELATION_HEADER) String correlationId,
                                                                       @QueryParam("eventTypeId") long eventTypeId,
                                                                       @QueryParam("start") String start, @QueryParam("end") String end,
                                                                       @QueryParam("timeZone") String timeZone,
                                                                       @QueryParam("duration") Integer duration,
                                                                       @QueryParam("format") String format);

    @POST
    @Path("/bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    @ClientHeaderParam(name = CalcomApiVersions.HEADER, value = CalcomApiVersions.BOOKINGS)
    Uni<CalcomJson.Envelope<CalcomJson.Booking>> createBooking(@HeaderParam("Authorization") String authorization,
                                                               @HeaderParam(CORRELATION_HEADER) String correlationId,
                                                               CalcomJson.CreateBooking body);

    /** The bookings of the key's owner, or of a team's event types, created in a time range, oldest first. */
    @GET
    @Path("/bookings")
    @ClientHeaderParam(name = CalcomApiVersions.HEADER, value = CalcomApiVersions.BOOKINGS)
    Uni<CalcomJson.Envelope<List<CalcomJson.Booking>>> bookings(@HeaderParam("Authorization") String authorization,
                                                                @HeaderParam(CORRELATION_HEADER) String correlationId,
                                                                @QueryParam("teamId") Long teamId,
                                                                @QueryParam("afterCreatedAt") String afterCreatedAt,
                                                                @QueryParam("beforeCreatedAt") String beforeCreatedAt,
                                                                @QueryParam("sortCreated") String sortCreated,
                                                                @QueryParam("skip") int skip, @QueryParam("take") int take);

    @GET
    @Path("/bookings/{uid}")
    @ClientHeaderParam(name = CalcomApiVersions.HEADER, value = CalcomApiVersions.BOOKINGS)
    Uni<CalcomJson.Envelope<CalcomJson.Booking>> booking(@HeaderParam("Authorization") String authorization,
                                                         @HeaderParam(CORRELATION_HEADER) String correlationId,
                                                         @PathParam("uid") String uid);

    @POST
    @Path("/bookings/{uid}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @ClientHeaderParam(name = CalcomApiVersions.HEADER, value = CalcomApiVersions.BOOKINGS)
    Uni<CalcomJson.Envelope<CalcomJson.Booking>> cancel(@HeaderParam("Authorization") String authorization,
                                                        @HeaderParam(CORRELATION_HEADER) String correlationId,
                                                        @PathParam("uid") String uid, CalcomJson.Cancel body);

    @POST
    @Path("/bookings/{uid}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @ClientHeaderParam(name = CalcomApiVersions.HEADER, value = CalcomApiVersions.BOOKINGS)
    Uni<CalcomJson.Envelope<CalcomJson.Booking>> reschedule(@HeaderParam("Authorization") String authorization,
                                                            @HeaderParam(CORRELATION_HEADER) String correlationId,
                                                            @PathParam("uid") String uid, CalcomJson.Reschedule body);

    /** Any status from 400 up becomes a {@link CalcomHttpFailure} with Cal.com's error code and message. */
    @ClientExceptionMapper
    static RuntimeException toFailure(Response response) {
        if (response.getStatus() < 400) {
            return null;
        }
        String code = null;
        String message = null;
        try {
            String body = response.readEntity(String.class);
            JsonNode error = body == null || body.isBlank() ? null : ErrorBodies.MAPPER.readTree(body).path("error");
            if (error != null && error.isObject()) {
                code = ErrorBodies.clean(error.path("code").asText(null), 80);
                message = ErrorBodies.clean(error.path("message").asText(null), 240);
            }
        } catch (Exception notJson) {
            // a proxy's HTML page or an empty body: the status says enough
        }
        Long reset = null;
        String resetHeader = response.getHeaderString("X-RateLimit-Reset-Default");
        if (resetHeader != null && resetHeader.strip().matches("\\d{1,6}")) {
            reset = Long.parseLong(resetHeader.strip());
        }
        return new CalcomHttpFailure(response.getStatus(), code, message, reset);
    }

    /** Reading Cal.com's error envelope. */
    final class ErrorBodies {
        static final ObjectMapper MAPPER = new ObjectMapper();

        private ErrorBodies() {
        }

        /** One line, at most {@code max} characters: Cal.com's text goes into our log lines and answers. */
        static String clean(String text, int max) {
            if (text == null) {
                return null;
            }
            String line = text.replaceAll("[\\p{Cntrl}]+", " ").strip();
            return line.length() <= max ? line : line.substring(0, max) + "…";
        }
    }
}

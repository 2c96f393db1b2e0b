package io.schedulr.scheduling.adapter.out.calcomgateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayException;
import io.schedulr.scheduling.application.port.out.interview.CalcomGatewayPort;
import io.schedulr.scheduling.domain.interview.MeetingProviders;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls calcom-gateway with the caller's own bearer token: the gateway records who booked (and later lets only them and
 * admins read the booking), so no credential of our own is needed. Its {@code {code, message}} refusals are passed on;
 * anything else (down, slow, an odd answer) is {@code 503 calcom_unavailable}.
 */
@ApplicationScoped
public class CalcomGatewayClient implements CalcomGatewayPort {
    private static final Logger LOG = Logger.getLogger(CalcomGatewayClient.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Creating a booking may wait out Cal.com's rate-limit window inside the gateway. */
    private static final Duration BOOKING_TIMEOUT = Duration.ofSeconds(90);

    @Inject
    @RestClient
    CalcomGatewayApi api;
    @Inject
    Instance<JsonWebToken> token;
    @Inject
    ObjectMapper json;

    @Override
    public Uni<List<EventTypeOption>> eventTypes() {
        return call("event types", api.eventTypes(bearer()), READ_TIMEOUT).map(body -> {
            List<EventTypeOption> types = new ArrayList<>();
            for (JsonNode t : body) {
                List<Integer> lengths = new ArrayList<>();
                t.path("lengthOptions").forEach(n -> lengths.add(n.asInt()));
                List<Host> hosts = new ArrayList<>();
                t.path("hosts").forEach(h -> hosts.add(host(h)));
                types.add(new EventTypeOption(t.path("id").asLong(), t.path("title").asText(null), t.path("description").asText(""),
                        t.path("lengthInMinutes").asInt(), lengths, hosts));
            }
            return types;
        });
    }

    @Override
    public Uni<SlotOptions> slots(long eventTypeId, Instant from, Instant to, String timeZone, Integer lengthInMinutes) {
        return call("slots", api.slots(bearer(), eventTypeId, from.toString(), to.toString(), timeZone, lengthInMinutes), READ_TIMEOUT)
                .map(body -> {
                    List<MemberSlots> members = new ArrayList<>();
                    body.path("members").forEach(m -> members.add(new MemberSlots(host(m.path("member")), slotList(m.path("slots")))));
                    return new SlotOptions(body.path("eventTypeId").asLong(eventTypeId), body.path("timeZone").asText(timeZone),
                            body.path("everyHostAttends").asBoolean(false), slotList(body.path("slots")), members);
                });
    }

    @Override
    public Uni<BookedMeeting> book(BookingRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("interviewId", request.interviewId());
        body.put("eventTypeId", request.eventTypeId());
        body.put("start", request.start().toString());
        if (request.lengthInMinutes() != null) {
            body.put("lengthInMinutes", request.lengthInMinutes());
        }
        ObjectNode attendee = body.putObject("attendee");
        attendee.put("name", request.attendee().name());
        attendee.put("email", request.attendee().email());
        attendee.put("timeZone", request.attendee().timeZone());
        if (!request.guests().isEmpty()) {
            ArrayNode guests = body.putArray("guests");
            request.guests().forEach(guests::add);
        }
        return call("booking", api.book(bearer(), body), BOOKING_TIMEOUT).map(CalcomGatewayClient::meeting);
    }

    @Override
    public Uni<BookingState> bookingState(String bookingUid) {
        return call("booking", api.booking(bearer(), bookingUid), READ_TIMEOUT)
                .map(b -> new BookingState(b.path("status").asText(""), b.path("rescheduledToUid").textValue()));
    }

    @Override
    public Uni<Void> cancel(String bookingUid, String reason) {
        ObjectNode body = json.createObjectNode();
        if (reason != null) {
            body.put("cancellationReason", reason);
        }
        return call("cancellation", api.cancel(bearer(), bookingUid, body), BOOKING_TIMEOUT).replaceWithVoid();
    }

    @Override
    public Uni<BookedMeeting> reschedule(String bookingUid, Instant start, String reason) {
        ObjectNode body = json.createObjectNode();
        body.put("start", start.toString());
        if (reason != null) {
            body.put("reschedulingReason", reason);
        }
        return call("move", api.reschedule(bearer(), bookingUid, body), BOOKING_TIMEOUT).map(CalcomGatewayClient::meeting);
    }

    private static BookedMeeting meeting(JsonNode b) {
        String url = b.path("meetingUrl").asText(null);
        return new BookedMeeting(b.path("uid").asText(), b.path("icsUid").asText(null), Instant.parse(b.path("start").asText()),
                Instant.parse(b.path("end").asText()), url, MeetingProviders.of(null, url), "pending".equals(b.path("status").asText()));
    }

    private String bearer() {
        JsonWebToken jwt = token.isResolvable() ? token.get() : null;
        if (jwt == null || jwt.getRawToken() == null) {
            throw new CalcomGatewayException(503, "calcom_unavailable", "Cal.com can only be asked on behalf of a signed-in person.", null);
        }
        return "Bearer " + jwt.getRawToken();
    }

    private Uni<JsonNode> call(String what, Uni<JsonNode> call, Duration timeout) {
        return call.ifNoItem().after(timeout).fail()
                .onFailure().transform(failure -> refusal(what, failure));
    }

    private static CalcomGatewayException refusal(String what, Throwable failure) {
        if (failure instanceof CalcomGatewayException e) {
            return e;
        }
        if (failure instanceof WebApplicationException wae && wae.getResponse() != null) {
            int status = wae.getResponse().getStatus();
            String code = null;
            String message = null;
            try {
                JsonNode body = wae.getResponse().readEntity(JsonNode.class);
                code = body.path("code").asText(null);
                message = body.path("message").asText(null);
            } catch (RuntimeException unreadable) {
                // the status alone decides
            }
            if (status == 422 || status == 404 || status == 429 || status == 400) {
                return new CalcomGatewayException(status, code != null ? code : "calcom_rejected",
                        message != null ? message : "Cal.com refused the " + what + ".", failure);
            }
            LOG.warnf("calcom-gateway answered %d for %s: %s %s", status, what, code, message);
            return new CalcomGatewayException(503, "calcom_unavailable", message != null ? message
                    : "Cal.com cannot be reached right now; nothing was changed. Please try again.", failure);
        }
        LOG.warnf("calcom-gateway failed for %s: %s", what, failure.toString());
        return new CalcomGatewayException(503, "calcom_unavailable",
                "Cal.com cannot be reached right now; nothing was changed. Please try again.", failure);
    }

    private static Host host(JsonNode h) {
        return new Host(h.path("userId").asLong(), h.path("name").asText(null));
    }

    private static List<Slot> slotList(JsonNode slots) {
        List<Slot> out = new ArrayList<>();
        for (JsonNode s : slots) {
            out.add(new Slot(OffsetDateTime.parse(s.path("start").asText()).toInstant(), OffsetDateTime.parse(s.path("end").asText()).toInstant()));
        }
        return out;
    }
}

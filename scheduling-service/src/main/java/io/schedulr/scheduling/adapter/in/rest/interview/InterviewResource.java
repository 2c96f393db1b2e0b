package io.schedulr.scheduling.adapter.in.rest.interview;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.adapter.in.rest.RequestTimes;
import io.schedulr.scheduling.application.port.in.interview.InterviewDetails;
import io.schedulr.scheduling.application.port.in.interview.InterviewFlowUseCase;
import io.schedulr.scheduling.application.port.in.interview.InterviewOptionsUseCase;
import io.schedulr.scheduling.application.port.in.interview.SendInterviewUseCase;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.InterviewStatus;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Interviews: the 6-step creation flow a wizard drives, step 3's options from Cal.com, and reading (docs/interviews-api.md). */
@Path("/api/interviews")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class InterviewResource {
    private static final Logger LOG = Logger.getLogger(InterviewResource.class);
    private static final int MAX_PAGE = 100;

    @Inject
    CurrentCaller caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    RequestTimes times;
    @Inject
    InterviewFlowUseCase flow;
    @Inject
    InterviewOptionsUseCase options;
    @Inject
    SendInterviewUseCase sending;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> start(@Valid InterviewRequests.Start body) {
        Actor actor = TeamActors.of(caller.get(), identity);
        UUID startup = body == null ? null : Ids.optional("startupId", body.startupId());
        return flow.start(actor, startup)
                .invoke(d -> LOG.infof("interview %s drafted by %s", d.interview().id(), actor.id()))
                .map(d -> Response.status(201).entity(view(d, actor)).build());
    }

    @GET
    public Uni<List<InterviewResponse>> list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("50") String limit,
                                             @QueryParam("offset") @DefaultValue("0") String offset) {
        Actor actor = TeamActors.of(caller.get(), identity);
        return flow.list(actor, status(status), TeamActors.number("limit", limit, 1, MAX_PAGE), TeamActors.number("offset", offset, 0, 1_000_000))
                .map(list -> list.stream().map(d -> view(d, actor)).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<InterviewResponse> get(@PathParam("id") String id) {
        Actor actor = TeamActors.of(caller.get(), identity);
        return flow.get(actor, TeamActors.id("interview", id)).map(d -> view(d, actor));
    }

    @PUT
    @Path("/{id}/steps/startup")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InterviewResponse> startupStep(@PathParam("id") String id, @Valid InterviewRequests.StartupStep body) {
        Actor actor = TeamActors.of(caller.get(), identity);
        UUID interview = TeamActors.id("interview", id);
        InterviewRequests.StartupStep b = required(body);
        InterviewFlowUseCase.NewContact contact = b.newContact() == null ? null
                : new InterviewFlowUseCase.NewContact(b.newContact().name(), b.newContact().email(), b.newContact().role());
        return flow.chooseStartup(actor, interview, Ids.required("startupId", b.startupId()), Ids.optional("contactId", b.contactId()), contact)
                .map(d -> view(d, actor));
    }

    @PUT
    @Path("/{id}/steps/team")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InterviewResponse> teamStep(@PathParam("id") String id, @Valid InterviewRequests.TeamStep body) {
        Actor actor = TeamActors.of(caller.get(), identity);
        UUID interview = TeamActors.id("interview", id);
        InterviewRequests.TeamStep b = required(body);
        List<UUID> additional = b.additionalMemberIds() == null ? List.of()
                : b.additionalMemberIds().stream().map(v -> Ids.required("additionalMemberIds", v)).toList();
        return flow.chooseTeam(actor, interview, Ids.required("primaryMemberId", b.primaryMemberId()), additional).map(d -> view(d, actor));
    }

    @GET
    @Path("/{id}/options/event-types")
    public Uni<List<InterviewOptionsResponse.EventType>> eventTypes(@PathParam("id") String id) {
        Actor actor = TeamActors.of(caller.get(), identity);
        UUID interview = TeamActors.id("interview", id);
        return options.eventTypes(actor, interview).map(c -> InterviewOptionsResponse.eventTypes(c.types(), c.membersByCalcomUser()));
    }

    @GET
    @Path("/{id}/options/slots")
    public Uni<InterviewOptionsResponse.Slots> slots(@PathParam("id") String id, @QueryParam("eventTypeId") String eventTypeId,
                                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        Actor actor = TeamActors.of(caller.get(), identity);
        UUID interview = TeamActors.id("interview", id);
        long type = TeamActors.number("eventTypeId", eventTypeId, 1, Integer.MAX_VALUE);
        return options.slots(actor, interview, type, times.required("from", from), times.required("to", to))
                .map(InterviewOptionsResponse::slots);
    }

    @PUT
    @Path("/{id}/steps/booking-type")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InterviewResponse> bookingTypeStep(@PathParam("id") String id, @Valid InterviewRequests.BookingTypeStep body) {
        Actor actor = TeamActors.of(caller.get(), identity);
        UUID interview = TeamActors.id("interview", id);
        InterviewRequests.BookingTypeStep b = required(body);
        if (b.eventTypeId() != null && b.eventTypeId() <= 0) {
            throw ApiException.badRequest("invalid_eventTypeId", "'eventTypeId' is a Cal.com event type id (a positive number).");
        }
        Integer custom = b.customDurationMinutes() == null ? null : (int) Math.max(-1, Math.min(b.customDurationMinutes(), 100_000));
        return flow.chooseBooking(actor, interview, b.eventTypeId(), custom, times.required("start", b.start()))
                .map(d -> view(d, actor));
    }

    @PUT
    @Path("/{id}/steps/guests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InterviewResponse> guestsStep(@PathParam("id") String id, @Valid InterviewRequests.GuestsStep body) {
        Actor actor = TeamActors.of(caller.get(), identity);
        UUID interview = TeamActors.id("interview", id);
        InterviewRequests.GuestsStep b = required(body);
        if (b.guests() == null) {
            throw ApiException.badRequest("invalid_guests", "'guests' is required (an empty list for none).");
        }
        List<InterviewFlowUseCase.GuestInput> guests = b.guests().stream().map(g -> {
            if (g == null) {
                throw ApiException.badRequest("invalid_guests", "'guests' holds an empty entry.");
            }
            return new InterviewFlowUseCase.GuestInput(g.name(), g.email(), g.role(), g.company(), Ids.optional("contactId", g.contactId()));
        }).toList();
        return flow.chooseGuests(actor, interview, guests).map(d -> view(d, actor));
    }

    @PUT
    @Path("/{id}/steps/details")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InterviewResponse> detailsStep(@PathParam("id") String id, @Valid InterviewRequests.DetailsStep body) {
        Actor actor = TeamActors.of(caller.get(), identity);
        UUID interview = TeamActors.id("interview", id);
        InterviewRequests.DetailsStep b = required(body);
        return flow.chooseDetails(actor, interview, b.prepNotes(), b.customQuestions(), b.timeZone()).map(d -> view(d, actor));
    }

    @POST
    @Path("/{id}/send")
    public Uni<InterviewResponse> send(@PathParam("id") String id) {
        Actor actor = TeamActors.of(caller.get(), identity);
        UUID interview = TeamActors.id("interview", id);
        return sending.send(actor, interview)
                .invoke(d -> LOG.infof("interview %s sent by %s: %s, Cal.com booking %s", interview, actor.id(),
                        d.interview().status(), d.interview().calcomBookingUid()))
                .map(d -> view(d, actor));
    }

    private static InterviewResponse view(InterviewDetails d, Actor actor) {
        return InterviewResponse.of(d, actor.person().timeZone());
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send the step as a JSON object.");
        }
        return body;
    }

    private static InterviewStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InterviewStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_status", "'status' is draft, scheduled, confirmed or cancelled.");
        }
    }
}

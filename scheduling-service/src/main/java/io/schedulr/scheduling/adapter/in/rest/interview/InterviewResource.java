package io.schedulr.scheduling.adapter.in.rest.interview;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.adapter.in.rest.RequestTimes;
import io.schedulr.scheduling.application.port.in.KeptTimeZoneUseCase;
import io.schedulr.scheduling.application.port.in.interview.ChangeInterviewBookingUseCase;
import io.schedulr.scheduling.application.port.in.interview.ChangeInterviewGuestsUseCase;
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
import io.schedulr.scheduling.adapter.in.rest.RequestValues;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import static io.schedulr.kit.openapi.ErrorResponsesFilter.CODES;

/** Interviews: the 6-step creation flow a wizard drives, step 3's options from Cal.com, and reading (docs/interviews-api.md). */
@Path("/api/interviews")
@Authenticated
@Tag(name = "Interviews", description = "Interviews with startups: the six-step draft a wizard fills in, the Cal.com options, sending, "
        + "cancelling and rescheduling, and changing the guests of a sent one.")
@Produces(MediaType.APPLICATION_JSON)
public class InterviewResource {
    private static final Logger LOG = Logger.getLogger(InterviewResource.class);
    private static final int MAX_PAGE = 100;

    /** What a list of guests (step 4, or a sent interview's guests changed) may be refused for. */
    private static final String GUEST_REFUSALS = " invalid_guests invalid_guests.name invalid_guests.email invalid_guests.role "
            + "invalid_guests.company invalid_name invalid_email invalid_role invalid_company invalid_contactId duplicate_guest "
            + "contact_not_found";

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
    @Inject
    ChangeInterviewBookingUseCase changes;
    @Inject
    ChangeInterviewGuestsUseCase guestChanges;
    @Inject
    KeptTimeZoneUseCase kept;
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a draft interview, optionally for a startup")
    @APIResponse(responseCode = "201", description = "The new draft.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InterviewResponse.class)))
    @Extension(name = CODES, value = "invalid_startupId startup_not_found")
    public Uni<Response> start(@Valid InterviewRequests.Start body) {
        Actor actor = TeamActors.of(caller, identity);
        UUID startup = body == null ? null : Ids.optional("startupId", body.startupId());
        return flow.start(actor, startup)
                .invoke(d -> LOG.infof("interview %s drafted by %s", d.interview().id(), actor.id()))
                .chain(d -> view(d, actor)).map(v -> Response.status(201).entity(v).build());
    }

    @GET
    @Operation(summary = "List the interviews the caller may see (admins: all), newest first")
    @Extension(name = CODES, value = "invalid_status invalid_startupId invalid_limit invalid_offset")
    public Uni<List<InterviewResponse>> list(@QueryParam("status") String status,
                                             @Parameter(description = "Only the interviews with this startup (its page lists them).")
                                             @QueryParam("startupId") String startupId,
                                             @QueryParam("limit") @DefaultValue("50") String limit,
                                             @QueryParam("offset") @DefaultValue("0") String offset) {
        Actor actor = TeamActors.of(caller, identity);
        return flow.list(actor, status(status), Ids.optional("startupId", startupId), RequestValues.number("limit", limit, 1, MAX_PAGE),
                        RequestValues.number("offset", offset, 0, 1_000_000))
                .chain(list -> kept.kept(actor.person()).map(zone -> list.stream().map(d -> InterviewResponse.of(d, actor, zone, clock.instant())).toList()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one interview, with what each step still misses")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found")
    public Uni<InterviewResponse> get(@PathParam("id") String id) {
        Actor actor = TeamActors.of(caller, identity);
        return flow.get(actor, RequestValues.id("interview", id)).chain(d -> view(d, actor));
    }

    @PUT
    @Path("/{id}/steps/startup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Step 1: choose the startup and its contact (an existing one, or a new one to add)")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found not_interview_editor interview_not_draft "
            + "changed_concurrently invalid_startupId invalid_contactId invalid_contact invalid_name invalid_email invalid_role "
            + "startup_not_found contact_not_found contact_email_taken duplicate_guest")
    public Uni<InterviewResponse> startupStep(@PathParam("id") String id, @Valid InterviewRequests.StartupStep body) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        InterviewRequests.StartupStep b = required(body);
        InterviewFlowUseCase.NewContact contact = b.newContact() == null ? null
                : new InterviewFlowUseCase.NewContact(b.newContact().name(), b.newContact().email(), b.newContact().role());
        return flow.chooseStartup(actor, interview, Ids.required("startupId", b.startupId()), Ids.optional("contactId", b.contactId()), contact)
                .chain(d -> view(d, actor));
    }

    @PUT
    @Path("/{id}/steps/team")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Step 2: choose the primary interviewer and up to 10 more team members")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found not_interview_editor interview_not_draft "
            + "changed_concurrently invalid_primaryMemberId invalid_additionalMemberIds inactive_team_member team_member_not_found "
            + "duplicate_guest")
    public Uni<InterviewResponse> teamStep(@PathParam("id") String id, @Valid InterviewRequests.TeamStep body) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        InterviewRequests.TeamStep b = required(body);
        List<UUID> additional = b.additionalMemberIds() == null ? List.of()
                : b.additionalMemberIds().stream().map(v -> Ids.required("additionalMemberIds", v)).toList();
        return flow.chooseTeam(actor, interview, Ids.required("primaryMemberId", b.primaryMemberId()), additional).chain(d -> view(d, actor));
    }

    @GET
    @Path("/{id}/options/team")
    @Operation(summary = "Step 2's options: the active team members with their roles and when each is busy between from and to "
            + "(at most 62 days)")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found invalid_datetime datetime_out_of_range invalid_to")
    public Uni<InterviewOptionsResponse.Team> team(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        Instant start = times.required("from", from);
        Instant end = times.required("to", to);
        // Before the meeting has a zone of its own, the times are written in the caller's kept zone.
        return kept.kept(actor.person()).chain(zone -> options.team(new Actor(actor.person().inZone(zone), actor.admin()), interview, start, end))
                .map(InterviewOptionsResponse::team);
    }

    @GET
    @Path("/{id}/options/event-types")
    @Operation(summary = "Step 3's options: the Cal.com event types, with the team members who host them")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found calcom_rate_limited calcom_unavailable")
    public Uni<List<InterviewOptionsResponse.EventType>> eventTypes(@PathParam("id") String id) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        return options.eventTypes(actor, interview).map(c -> InterviewOptionsResponse.eventTypes(c.types(), c.membersByCalcomUser()));
    }

    @GET
    @Path("/{id}/options/slots")
    @Operation(summary = "Step 3's options: Cal.com's free times of an event type between from and to (at most 62 days)")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found invalid_eventTypeId invalid_lengthInMinutes "
            + "invalid_datetime datetime_out_of_range invalid_to invalid_fitsCalendars event_type_not_found calcom_not_found calcom_rejected "
            + "calcom_rate_limited calcom_unavailable")
    public Uni<InterviewOptionsResponse.Slots> slots(@PathParam("id") String id, @QueryParam("eventTypeId") String eventTypeId,
                                                     @Parameter(description = "Times this long: one of the type's lengthOptions (5–480). "
                                                             + "Left out: the length chosen for this type before, else the type's own.")
                                                     @QueryParam("lengthInMinutes") String lengthInMinutes,
                                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                                     @Parameter(description = "true: leave out the times that clash with the team's "
                                                             + "booked sessions here or with the Google busy times of the caller and of "
                                                             + "the members who sign in here — the times sending would refuse.")
                                                     @QueryParam("fitsCalendars") String fitsCalendars) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        long type = RequestValues.number("eventTypeId", eventTypeId, 1, Integer.MAX_VALUE);
        Integer length = lengthInMinutes == null ? null : RequestValues.number("lengthInMinutes", lengthInMinutes, 5, 480);
        boolean fitting = RequestValues.flag("fitsCalendars", fitsCalendars);
        Instant start = times.required("from", from);
        Instant end = times.required("to", to);
        // Before the meeting has a zone of its own, Cal.com is asked in the caller's kept zone, not the token's (UTC for Google).
        return kept.kept(actor.person()).chain(zone -> options.slots(new Actor(actor.person().inZone(zone), actor.admin()), interview, type, length, start,
                end, fitting))
                .map(InterviewOptionsResponse::slots);
    }

    @PUT
    @Path("/{id}/steps/booking-type")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Step 3: choose the Cal.com event type (or a custom duration) and the start")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found not_interview_editor interview_not_draft "
            + "changed_concurrently invalid_eventTypeId invalid_customDurationMinutes invalid_start invalid_datetime "
            + "datetime_out_of_range custom_duration_unavailable event_type_not_found calcom_rate_limited calcom_unavailable")
    public Uni<InterviewResponse> bookingTypeStep(@PathParam("id") String id, @Valid InterviewRequests.BookingTypeStep body) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        InterviewRequests.BookingTypeStep b = required(body);
        if (b.eventTypeId() != null && b.eventTypeId() <= 0) {
            throw ApiException.badRequest("invalid_eventTypeId", "'eventTypeId' is a Cal.com event type id (a positive number).");
        }
        Integer custom = b.customDurationMinutes() == null ? null : (int) Math.max(-1, Math.min(b.customDurationMinutes(), 100_000));
        return flow.chooseBooking(actor, interview, b.eventTypeId(), custom, times.required("start", b.start()))
                .chain(d -> view(d, actor));
    }

    @PUT
    @Path("/{id}/steps/guests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Step 4: the guests to invite (at most 30; contacts by id or anyone by name and address)")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found not_interview_editor interview_not_draft "
            + "changed_concurrently" + GUEST_REFUSALS)
    public Uni<InterviewResponse> guestsStep(@PathParam("id") String id, @Valid InterviewRequests.GuestsStep body) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        return flow.chooseGuests(actor, interview, guestInputs(required(body))).chain(d -> view(d, actor));
    }

    @PUT
    @Path("/{id}/guests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the guests of a sent interview: add, take off, correct an address; everyone is told",
            description = "Only who sent the interview and admins, while its booking holds. The guests listed replace the interview's, "
                    + "by step 4's rules. When their addresses change, everyone is told again (a new guest is invited, an address no "
                    + "longer named is told its invitation no longer stands); a new name, role or company alone tells nobody. The "
                    + "Cal.com booking keeps the guests it was made with.")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found not_interview_sender interview_not_sent "
            + "interview_cancelled interview_over interview_awaiting_new_time interview_booked_on_calcom changed_concurrently"
            + GUEST_REFUSALS)
    public Uni<InterviewResponse> changeGuests(@PathParam("id") String id, @Valid InterviewRequests.GuestsStep body) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        List<InterviewFlowUseCase.GuestInput> guests = guestInputs(required(body));
        return guestChanges.changeGuests(actor, interview, guests)
                .invoke(d -> LOG.infof("interview %s: guests changed by %s, %d now, sequence %d", interview, actor.id(),
                        d.interview().guests().size(), d.interview().sequence()))
                .chain(d -> view(d, actor));
    }

    /** The listed guests as the use cases take them; a missing list or an empty entry is theirs to refuse. */
    private static List<InterviewFlowUseCase.GuestInput> guestInputs(InterviewRequests.GuestsStep b) {
        return b.guests() == null ? null : b.guests().stream().map(g -> g == null ? null
                : new InterviewFlowUseCase.GuestInput(g.name(), g.email(), g.role(), g.company(), Ids.optional("contactId", g.contactId())))
                .toList();
    }

    @PUT
    @Path("/{id}/steps/details")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Step 5: preparation notes, custom questions and the time zone the invitation is written in")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found not_interview_editor interview_not_draft "
            + "changed_concurrently invalid_prepNotes invalid_customQuestions invalid_timeZone")
    public Uni<InterviewResponse> detailsStep(@PathParam("id") String id, @Valid InterviewRequests.DetailsStep body) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        InterviewRequests.DetailsStep b = required(body);
        return flow.chooseDetails(actor, interview, b.prepNotes(), b.customQuestions(), b.timeZone()).chain(d -> view(d, actor));
    }

    @POST
    @Path("/{id}/send")
    @Operation(summary = "Step 6: book the interview in Cal.com and send the invitations")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found not_interview_editor changed_concurrently "
            + "interview_incomplete interview_start_passed interview_being_sent calcom_rejected calcom_not_found "
            + "calcom_rate_limited calcom_unavailable calendar_conflict invalid_allowConflicts")
    public Uni<InterviewResponse> send(@PathParam("id") String id,
                                       @Parameter(description = "true: send although the time clashes with the caller's own calendar.")
                                       @QueryParam("allowConflicts") String allowConflicts) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        return sending.send(actor, interview, RequestValues.flag("allowConflicts", allowConflicts))
                .invoke(d -> LOG.infof("interview %s sent by %s: %s, Cal.com booking %s", interview, actor.id(),
                        d.interview().status(), d.interview().calcomBookingUid()))
                .chain(d -> view(d, actor));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a sent interview: its Cal.com booking is cancelled and everyone is told",
            description = "Only who sent the interview (the Cal.com booking is theirs) and admins. The body may be {}, empty, or left "
                    + "out (no Content-Type needed then).")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found not_interview_sender interview_not_sent "
            + "interview_cancelled interview_over changed_concurrently invalid_reason invalid_body interview_changed_on_calcom calcom_rejected "
            + "calcom_not_found calcom_rate_limited calcom_unavailable")
    public Uni<InterviewResponse> cancel(@PathParam("id") String id, @Valid InterviewRequests.Cancel body) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        return changes.cancel(actor, interview, body == null ? null : body.reason())
                .invoke(d -> LOG.infof("interview %s cancelled by %s, Cal.com booking %s", interview, actor.id(),
                        d.interview().calcomBookingUid()))
                .chain(d -> view(d, actor));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a sent interview to another start (same length): Cal.com books the new time and everyone is told",
            description = "Only who sent the interview (the Cal.com booking is theirs) and admins. Also answers a host's request "
                    + "for a new time (awaitingNewTime). The new time must not clash with the team's sessions here or the caller's "
                    + "Google calendars, as for sending (409 calendar_conflict); the interview's own time is no clash.")
    @Extension(name = CODES, value = "invalid_interview_id interview_not_found not_interview_sender interview_not_sent "
            + "interview_cancelled interview_over changed_concurrently invalid_start invalid_datetime datetime_out_of_range invalid_reason invalid_body "
            + "calendar_conflict invalid_allowConflicts interview_changed_on_calcom calcom_rejected calcom_not_found calcom_rate_limited "
            + "calcom_unavailable")
    public Uni<InterviewResponse> reschedule(@PathParam("id") String id, @Valid InterviewRequests.Reschedule body,
                                             @Parameter(description = "true: move although the time clashes with the caller's own calendar.")
                                             @QueryParam("allowConflicts") String allowConflicts) {
        Actor actor = TeamActors.of(caller, identity);
        UUID interview = RequestValues.id("interview", id);
        boolean allowOwn = RequestValues.flag("allowConflicts", allowConflicts);
        InterviewRequests.Reschedule b = required(body);
        return changes.reschedule(actor, interview, times.required("start", b.start()), b.reason(), allowOwn)
                .invoke(d -> LOG.infof("interview %s rescheduled by %s to %s, Cal.com booking %s", interview, actor.id(),
                        d.interview().startAt(), d.interview().calcomBookingUid()))
                .chain(d -> view(d, actor));
    }

    /** forViewer in the zone kept for the caller: Google's ID tokens state none, so the token's would be UTC for them. */
    private Uni<InterviewResponse> view(InterviewDetails d, Actor actor) {
        return kept.kept(actor.person()).map(zone -> InterviewResponse.of(d, actor, zone, clock.instant()));
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

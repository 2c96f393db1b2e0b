package io.schedulr.scheduling.adapter.in.rest.interview;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.adapter.in.rest.RequestValues;
import io.schedulr.scheduling.application.port.in.interview.AddTeamMemberCommand;
import io.schedulr.scheduling.application.port.in.interview.AddTeamMemberUseCase;
import io.schedulr.scheduling.application.port.in.interview.EditTeamMemberCommand;
import io.schedulr.scheduling.application.port.in.interview.CalcomUsersUseCase;
import io.schedulr.scheduling.application.port.in.interview.EditTeamMemberUseCase;
import io.schedulr.scheduling.application.port.in.interview.TeamMemberQueriesUseCase;
import io.schedulr.scheduling.domain.interview.Actor;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import static io.schedulr.kit.openapi.ErrorResponsesFilter.CODES;

/** Our interviewers: everyone signed in lists the active ones; admins add, change and deactivate them. */
@Path("/api/team-members")
@Authenticated
@Tag(name = "Team members", description = "Our interviewers; admins add, change and deactivate them.")
@Produces(MediaType.APPLICATION_JSON)
public class TeamMemberResource {
    private static final Logger LOG = Logger.getLogger(TeamMemberResource.class);

    @Inject
    CurrentCaller caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    TeamMemberQueriesUseCase queries;
    @Inject
    AddTeamMemberUseCase add;
    @Inject
    EditTeamMemberUseCase edit;
    @Inject
    CalcomUsersUseCase calcomUsers;

    @GET
    @Operation(summary = "List the active team members (admins: includeInactive=true lists everyone)")
    @Extension(name = CODES, value = "invalid_include_inactive admin_only")
    public Uni<List<TeamMemberResponse>> list(@QueryParam("includeInactive") String includeInactive) {
        Actor viewer = TeamActors.of(caller, identity);
        boolean all = RequestValues.flag("include_inactive", "includeInactive", includeInactive);
        return queries.list(viewer, all).map(l -> l.stream().map(TeamMemberResponse::of).toList());
    }

    @GET
    @Path("/calcom-users")
    @Operation(summary = "The Cal.com users a member can be linked to: the hosts of Cal.com's event types (admins only)")
    @Extension(name = CODES, value = "admin_only calcom_rate_limited calcom_unavailable")
    public Uni<List<CalcomUserResponse>> calcomUsers() {
        Actor admin = TeamActors.of(caller, identity).requireAdmin("list Cal.com users");
        return calcomUsers.list(admin).map(users -> users.stream().map(CalcomUserResponse::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a team member (admins only)")
    @APIResponse(responseCode = "201", description = "The new team member.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamMemberResponse.class)))
    @Extension(name = CODES, value = "admin_only invalid_name invalid_email invalid_role invalid_calcom_user_id "
            + "team_member_email_taken team_member_calcom_user_taken")
    public Uni<Response> add(@Valid AddTeamMemberRequest body) {
        // The use case refuses non-admins too; asking first answers them 403 whatever the body holds.
        Actor actor = TeamActors.of(caller, identity).requireAdmin("add team members");
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send {name, email, role, calcomUserId?}.");
        }
        return add.add(new AddTeamMemberCommand(actor, body.name(), body.email(), body.role(), body.calcomUserId()))
                .invoke(m -> LOG.infof("team member %s added by %s", m.id(), actor.id()))
                .map(m -> Response.status(201).entity(TeamMemberResponse.of(m)).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change or deactivate a team member (admins only); fields left out stay as they are")
    @Extension(name = CODES, value = "admin_only invalid_team_member_id nothing_to_update invalid_name invalid_email invalid_role "
            + "invalid_active invalid_calcom_user_id team_member_not_found team_member_email_taken team_member_calcom_user_taken")
    public Uni<TeamMemberResponse> edit(@PathParam("id") String id, @Valid EditTeamMemberRequest body) {
        Actor actor = TeamActors.of(caller, identity).requireAdmin("change team members");
        UUID memberId = RequestValues.id("team_member", id);
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send the fields to change: {name?, email?, role?, calcomUserId?, active?}.");
        }
        RequestValues.notNullWhenGiven(body.nameGiven(), body.getName(), "name");
        RequestValues.notNullWhenGiven(body.emailGiven(), body.getEmail(), "email");
        RequestValues.notNullWhenGiven(body.roleGiven(), body.getRole(), "role");
        RequestValues.notNullWhenGiven(body.activeGiven(), body.getActive(), "active");
        return edit.edit(new EditTeamMemberCommand(actor, memberId, body.getName(), body.getEmail(), body.getRole(), body.calcomUserIdGiven(),
                        body.getCalcomUserId(), body.getActive()))
                .invoke(m -> LOG.infof("team member %s changed by %s", m.id(), actor.id()))
                .map(TeamMemberResponse::of);
    }
}

package io.schedulr.scheduling.adapter.in.rest.interview;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.adapter.in.rest.RequestValues;
import io.schedulr.scheduling.application.port.in.interview.AddContactCommand;
import io.schedulr.scheduling.application.port.in.interview.AddContactUseCase;
import io.schedulr.scheduling.application.port.in.interview.AddStartupCommand;
import io.schedulr.scheduling.application.port.in.interview.AddStartupUseCase;
import io.schedulr.scheduling.application.port.in.interview.EditContactCommand;
import io.schedulr.scheduling.application.port.in.interview.EditContactUseCase;
import io.schedulr.scheduling.application.port.in.interview.EditStartupCommand;
import io.schedulr.scheduling.application.port.in.interview.EditStartupUseCase;
import io.schedulr.scheduling.application.port.in.interview.StartupDetails;
import io.schedulr.scheduling.application.port.in.interview.RemoveContactCommand;
import io.schedulr.scheduling.application.port.in.interview.RemoveContactUseCase;
import io.schedulr.scheduling.application.port.in.interview.RemoveStartupCommand;
import io.schedulr.scheduling.application.port.in.interview.RemoveStartupUseCase;
import io.schedulr.scheduling.application.port.in.interview.StartupQueriesUseCase;
import io.schedulr.scheduling.application.port.in.interview.StartupSearch;
import io.schedulr.scheduling.config.SchedulingConfig;
import io.schedulr.scheduling.domain.interview.Actor;
import io.schedulr.scheduling.domain.interview.PlainText;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

/** Startups we interview and their contacts, for everyone signed in. */
@Path("/api/startups")
@Authenticated
@Tag(name = "Startups", description = "Startups we interview and their contacts.")
@Produces(MediaType.APPLICATION_JSON)
public class StartupResource {
    private static final Logger LOG = Logger.getLogger(StartupResource.class);

    @Inject
    CurrentCaller caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    StartupQueriesUseCase queries;
    @Inject
    AddStartupUseCase addStartup;
    @Inject
    AddContactUseCase addContact;
    @Inject
    EditStartupUseCase editStartup;
    @Inject
    EditContactUseCase editContact;
    @Inject
    RemoveStartupUseCase removeStartup;
    @Inject
    RemoveContactUseCase removeContact;
    @Inject
    SchedulingConfig config;

    /** Name contains {@code q} without regard to case (all when absent), sorted by name; each with its contacts. */
    @GET
    @Operation(summary = "Search startups by name (case-insensitive), each with its contacts")
    @Extension(name = CODES, value = "invalid_q invalid_limit invalid_offset")
    public Uni<List<StartupResponse>> search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("50") String limit,
                                             @QueryParam("offset") @DefaultValue("0") String offset) {
        Actor viewer = actor();
        // No stored name holds a control character, and PostgreSQL refuses a NUL in any text: such a search is a bad request.
        if (q != null && (q.length() > PlainText.MAX_NAME || PlainText.hasHiddenCharacters(q))) {
            throw ApiException.badRequest("invalid_q", "'q' is at most " + PlainText.MAX_NAME + " characters on one line, without control characters.");
        }
        StartupSearch search = new StartupSearch(q, RequestValues.number("limit", limit, 1, config.room().maxPageSize()),
                RequestValues.number("offset", offset, 0, Integer.MAX_VALUE));
        return queries.search(viewer, search).map(l -> l.stream().map(StartupResponse::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a startup")
    @APIResponse(responseCode = "201", description = "The new startup.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StartupResponse.class)))
    @Extension(name = CODES, value = "invalid_name invalid_website startup_name_taken")
    public Uni<Response> add(@Valid AddStartupRequest body) {
        Actor actor = actor();
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send {name, website?}.");
        }
        return addStartup.add(new AddStartupCommand(actor, body.name(), body.website()))
                .invoke(s -> LOG.infof("startup %s added by %s", s.id(), actor.id()))
                .map(s -> Response.status(201).entity(StartupResponse.of(new StartupDetails(s, List.of()))).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one startup with its contacts")
    @Extension(name = CODES, value = "invalid_startup_id startup_not_found")
    public Uni<StartupResponse> get(@PathParam("id") String id) {
        Actor viewer = actor();
        return queries.get(viewer, RequestValues.id("startup", id)).map(StartupResponse::of);
    }

    @GET
    @Path("/{id}/contacts")
    @Operation(summary = "List a startup's contacts")
    @Extension(name = CODES, value = "invalid_startup_id startup_not_found")
    public Uni<List<ContactResponse>> contacts(@PathParam("id") String id) {
        Actor viewer = actor();
        return queries.contacts(viewer, RequestValues.id("startup", id)).map(l -> l.stream().map(ContactResponse::of).toList());
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a contact to a startup")
    @APIResponse(responseCode = "201", description = "The new contact.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactResponse.class)))
    @Extension(name = CODES, value = "invalid_startup_id startup_not_found invalid_name invalid_email invalid_role "
            + "contact_email_taken")
    public Uni<Response> addContact(@PathParam("id") String id, @Valid AddContactRequest body) {
        Actor actor = actor();
        UUID startupId = RequestValues.id("startup", id);
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send {name, email, role?}.");
        }
        return addContact.add(new AddContactCommand(actor, startupId, body.name(), body.email(), body.role()))
                .invoke(c -> LOG.infof("contact %s added to startup %s by %s", c.id(), startupId, actor.id()))
                .map(c -> Response.status(201).entity(ContactResponse.of(c)).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a startup or change its website; fields left out stay as they are")
    @Extension(name = CODES, value = "invalid_startup_id startup_not_found nothing_to_update invalid_name invalid_website "
            + "startup_name_taken")
    public Uni<StartupResponse> edit(@PathParam("id") String id, @Valid EditStartupRequest body) {
        Actor actor = actor();
        UUID startupId = RequestValues.id("startup", id);
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send the fields to change: {name?, website?}.");
        }
        RequestValues.notNullWhenGiven(body.nameGiven(), body.getName(), "name");
        return editStartup.edit(new EditStartupCommand(actor, startupId, body.getName(), body.websiteGiven(), body.getWebsite()))
                .invoke(d -> LOG.infof("startup %s changed by %s", d.startup().id(), actor.id()))
                .map(StartupResponse::of);
    }

    @PATCH
    @Path("/{id}/contacts/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a startup's contact; fields left out stay as they are")
    @Extension(name = CODES, value = "invalid_startup_id invalid_contact_id contact_not_found nothing_to_update invalid_name "
            + "invalid_email invalid_role contact_email_taken")
    public Uni<ContactResponse> editContact(@PathParam("id") String id, @PathParam("contactId") String contactId,
                                            @Valid EditContactRequest body) {
        Actor actor = actor();
        UUID startupId = RequestValues.id("startup", id);
        UUID contact = RequestValues.id("contact", contactId);
        if (body == null) {
            throw ApiException.badRequest("invalid_body", "Send the fields to change: {name?, email?, role?}.");
        }
        RequestValues.notNullWhenGiven(body.nameGiven(), body.getName(), "name");
        RequestValues.notNullWhenGiven(body.emailGiven(), body.getEmail(), "email");
        return editContact.edit(new EditContactCommand(actor, startupId, contact, body.getName(), body.getEmail(), body.roleGiven(),
                        body.getRole()))
                .invoke(c -> LOG.infof("contact %s of startup %s changed by %s", c.id(), startupId, actor.id()))
                .map(ContactResponse::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a startup, with its contacts, that no interview names")
    @APIResponse(responseCode = "204", description = "Removed.")
    @Extension(name = CODES, value = "invalid_startup_id startup_not_found startup_in_use")
    public Uni<Response> remove(@PathParam("id") String id) {
        Actor actor = actor();
        UUID startupId = RequestValues.id("startup", id);
        return removeStartup.remove(new RemoveStartupCommand(actor, startupId))
                .invoke(() -> LOG.infof("startup %s removed by %s", startupId, actor.id()))
                .replaceWith(() -> Response.noContent().build());
    }

    @DELETE
    @Path("/{id}/contacts/{contactId}")
    @Operation(summary = "Remove a startup's contact that no interview names")
    @APIResponse(responseCode = "204", description = "Removed.")
    @Extension(name = CODES, value = "invalid_startup_id invalid_contact_id contact_not_found contact_in_use")
    public Uni<Response> removeContact(@PathParam("id") String id, @PathParam("contactId") String contactId) {
        Actor actor = actor();
        UUID startupId = RequestValues.id("startup", id);
        UUID contact = RequestValues.id("contact", contactId);
        return removeContact.remove(new RemoveContactCommand(actor, startupId, contact))
                .invoke(() -> LOG.infof("contact %s of startup %s removed by %s", contact, startupId, actor.id()))
                .replaceWith(() -> Response.noContent().build());
    }

    private Actor actor() {
        return TeamActors.of(caller, identity);
    }
}

package io.schedulr.scheduling.adapter.in.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.schedulr.kit.rest.ApiException;
import io.schedulr.kit.rest.Excerpt;
import io.schedulr.kit.security.CurrentCaller;
import io.schedulr.scheduling.application.port.in.PreferencesUseCase;
import io.schedulr.scheduling.domain.InvalidReminderException;
import io.schedulr.scheduling.domain.ReminderChannel;
import io.schedulr.scheduling.domain.ReminderPreferences;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.schedulr.kit.openapi.ErrorResponsesFilter.CODES;

/** The caller's own reminder preferences; nobody reads or writes anyone else's. */
@Path("/api/me/preferences")
@Authenticated
@Tag(name = "Preferences", description = "When and how the caller is reminded of their sessions.")
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {
    @Inject
    CurrentCaller caller;
    @Inject
    PreferencesUseCase preferences;

    @GET
    @Operation(summary = "The caller's reminder preferences", description = "The defaults (60 and 10 minutes before, by email) until they choose.")
    @APIResponse(responseCode = "200", description = "The preferences.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesResponse.class)))
    public Uni<PreferencesResponse> get() {
        return preferences.preferencesOf(caller.get().id()).map(PreferencesResponse::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the caller's reminder preferences",
            description = "Applies to every session of the caller that has not started, including those booked before.")
    @APIResponse(responseCode = "200", description = "The preferences now stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesResponse.class)))
    @Extension(name = CODES, value = "invalid_reminderMinutes invalid_reminderChannel")
    public Uni<PreferencesResponse> put(PreferencesRequest request) {
        ReminderPreferences wanted = parse(request);
        return preferences.replace(caller.get().id(), wanted).map(PreferencesResponse::of);
    }

    private static ReminderPreferences parse(PreferencesRequest request) {
        if (request == null) {
            throw ApiException.badRequest("invalid_reminderMinutes", "'reminderMinutes' is required: a list of at most 3 minute counts.");
        }
        ReminderChannel channel = channel(request.reminderChannel());
        List<Integer> minutes = minutes(request.reminderMinutes());
        try {
            return ReminderPreferences.ofMinutes(minutes, channel);
        } catch (InvalidReminderException e) {
            String field = e.part() == InvalidReminderException.Part.LEADS ? "reminderMinutes" : "reminderChannel";
            throw ApiException.badRequest("invalid_" + field, "'" + field + "' " + e.getMessage() + ".");
        }
    }

    private static ReminderChannel channel(String value) {
        if (value != null) {
            for (ReminderChannel channel : ReminderChannel.values()) {
                if (channel.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return channel;
                }
            }
        }
        throw ApiException.badRequest("invalid_reminderChannel", value == null ? "'reminderChannel' is required: email or popup."
                : "'reminderChannel' is email or popup, not '" + Excerpt.of(value) + "'.");
    }

    private static List<Integer> minutes(JsonNode value) {
        if (value == null || !value.isArray()) {
            throw ApiException.badRequest("invalid_reminderMinutes",
                    "'reminderMinutes' is required: a list of at most 3 whole minute counts, e.g. [60, 10].");
        }
        List<Integer> minutes = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isIntegralNumber() || !item.canConvertToInt()) {
                throw ApiException.badRequest("invalid_reminderMinutes",
                        "'reminderMinutes' holds whole numbers of minutes, 1 to 10080 (7 days).");
            }
            minutes.add(item.intValue());
        }
        return minutes;
    }
}

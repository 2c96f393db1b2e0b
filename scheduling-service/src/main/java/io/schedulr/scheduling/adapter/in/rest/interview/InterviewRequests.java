package io.schedulr.scheduling.adapter.in.rest.interview;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the interview routes (docs/interviews-api.md); ids are read as text so a bad one is named in the answer. */
public final class InterviewRequests {
    private InterviewRequests() {
    }

    @Schema(description = "A new draft; the startup may be chosen now or in step 1.")
    public record Start(
            @Schema(description = "Optional startup id (a UUID).", example = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d")
            @Size(max = 64) String startupId) {
    }

    @Schema(description = "A contact to add to the chosen startup and use.")
    public record NewContact(
            @Schema(description = "Full name.", example = "Linh Tran") @Size(max = 200) String name,
            @Schema(description = "Email address.", example = "linh@robolabs.example") @Size(max = 254) String email,
            @Schema(description = "Optional role.", example = "CEO") @Size(max = 100) String role) {
    }

    @Schema(description = "Step 1: the startup, and either contactId or newContact.")
    public record StartupStep(
            @Schema(description = "Startup id (a UUID).", example = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d", required = true)
            @Size(max = 64) String startupId,
            @Schema(description = "An existing contact of that startup.", example = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b")
            @Size(max = 64) String contactId,
            @Valid NewContact newContact) {
    }

    @Schema(description = "Step 2: who interviews.")
    public record TeamStep(
            @Schema(description = "The active team member who leads (a UUID).", example = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                    required = true)
            @Size(max = 64) String primaryMemberId,
            @Schema(description = "Up to 10 more active team members (UUIDs).", example = "[\"0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d\"]")
            @Size(max = 10) List<@Size(max = 64) String> additionalMemberIds) {
    }

    /** Numbers must be JSON numbers: {@code "1001"} is the wrong type (400), not converted. */
    @Schema(description = "Step 3: a Cal.com event type (or a custom duration) and the start.")
    public record BookingTypeStep(
            @Schema(description = "Cal.com event type id (a JSON number).", example = "1001")
            @JsonDeserialize(using = StrictLong.class) Long eventTypeId,
            @Schema(description = "Minutes, when not the event type's default; one it offers.", example = "45")
            @JsonDeserialize(using = StrictLong.class) Long customDurationMinutes,
            @Schema(description = "Start, ISO-8601 with an offset, in the future.", example = "2030-01-15T10:00:00+01:00", required = true)
            @Size(max = 64) String start) {
    }

    @Schema(description = "Cancelling a sent interview; the body may be left out.")
    public record Cancel(
            @Schema(description = "Why, told to everyone in the cancellation; at most 500 characters on one line.",
                    example = "The startup withdrew.") @Size(max = 500) String reason) {
    }

    @Schema(description = "Moving a sent interview to another start; it keeps its length.")
    public record Reschedule(
            @Schema(description = "The new start, ISO-8601 with an offset, in the future.", example = "2030-01-16T10:00:00+01:00",
                    required = true) @Size(max = 64) String start,
            @Schema(description = "Why, given to Cal.com; at most 500 characters on one line.", example = "The founder is travelling.")
            @Size(max = 500) String reason) {
    }

    @Schema(description = "A guest: a startup contact by id, or anyone by name and address.")
    public record Guest(
            @Schema(description = "Full name.", example = "Sam Rivera") @Size(max = 200) String name,
            @Schema(description = "Email address, once per interview.", example = "sam@robolabs.example") @Size(max = 254) String email,
            @Schema(description = "Optional role.", example = "CTO") @Size(max = 100) String role,
            @Schema(description = "Optional company.", example = "Robo Labs") @Size(max = 200) String company,
            @Schema(description = "A startup contact's id instead of name and address.", example = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b")
            @Size(max = 64) String contactId) {
    }

    @Schema(description = "Step 4: the guests (an empty list for none).")
    public record GuestsStep(@Schema(description = "At most 30 guests.", required = true) @Size(max = 30) List<@Valid Guest> guests) {
    }

    @Schema(description = "Step 5: details for the invitation.")
    public record DetailsStep(
            @Schema(description = "Preparation notes (at most 20000 characters; HTML is sanitized).",
                    example = "Please bring your latest pitch deck.")
            @Size(max = 20_000) String prepNotes,
            @Schema(description = "Up to 20 questions for the guests, one line each.", example = "[\"What is your runway?\"]")
            @Size(max = 20) List<@Size(max = 500) String> customQuestions,
            @Schema(description = "IANA time zone the invitation is written in.", example = "Europe/Berlin", required = true)
            @Size(max = 64) String timeZone) {
    }
}

package io.schedulr.scheduling.adapter.in.rest.interview;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Bodies of the interview routes (docs/interviews-api.md); ids are read as text so a bad one is named in the answer. */
public final class InterviewRequests {
    private InterviewRequests() {
    }

    public record Start(@Size(max = 64) String startupId) {
    }

    public record NewContact(@Size(max = 200) String name, @Size(max = 254) String email, @Size(max = 100) String role) {
    }

    public record StartupStep(@Size(max = 64) String startupId, @Size(max = 64) String contactId, @Valid NewContact newContact) {
    }

    public record TeamStep(@Size(max = 64) String primaryMemberId, @Size(max = 10) List<@Size(max = 64) String> additionalMemberIds) {
    }

    /** Numbers must be JSON numbers: {@code "1001"} is the wrong type (400), not converted. */
    public record BookingTypeStep(@JsonDeserialize(using = StrictLong.class) Long eventTypeId,
                                  @JsonDeserialize(using = StrictLong.class) Long customDurationMinutes, @Size(max = 64) String start) {
    }

    public record Guest(@Size(max = 200) String name, @Size(max = 254) String email, @Size(max = 100) String role,
                        @Size(max = 200) String company, @Size(max = 64) String contactId) {
    }

    public record GuestsStep(@Size(max = 30) List<@Valid Guest> guests) {
    }

    public record DetailsStep(@Size(max = 20_000) String prepNotes, @Size(max = 20) List<@Size(max = 500) String> customQuestions,
                              @Size(max = 64) String timeZone) {
    }
}

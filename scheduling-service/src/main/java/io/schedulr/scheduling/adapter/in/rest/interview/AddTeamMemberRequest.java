package io.schedulr.scheduling.adapter.in.rest.interview;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.schedulr.scheduling.domain.interview.PlainText;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /api/team-members} body; the domain checks the values, this bounds their size first. */
@Schema(description = "A team member to add; the address and the Cal.com user are unique among team members.")
public record AddTeamMemberRequest(
        @Schema(description = "Full name.", example = "Grace Hopper", required = true)
        @Size(max = PlainText.MAX_NAME) String name,
        @Schema(description = "Email address.", example = "grace@schedulr.example", required = true)
        @Size(max = 254) String email,
        @Schema(description = "Role in the team.", example = "Partner", required = true)
        @Size(max = PlainText.MAX_ROLE) String role,
        @Schema(description = "Optional Cal.com user id (a JSON number, positive).", example = "1042")
        @JsonDeserialize(using = StrictLong.class) Long calcomUserId) {
}

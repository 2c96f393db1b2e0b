package io.schedulr.scheduling.adapter.in.rest.interview;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.schedulr.scheduling.domain.interview.PlainText;
import jakarta.validation.constraints.Size;

/** {@code POST /api/team-members} body; the domain checks the values, this bounds their size first. */
public record AddTeamMemberRequest(@Size(max = PlainText.MAX_NAME) String name,
                                   @Size(max = 254) String email,
                                   @Size(max = PlainText.MAX_ROLE) String role,
                                   @JsonDeserialize(using = StrictLong.class) Long calcomUserId) {
}

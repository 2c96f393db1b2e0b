package io.schedulr.scheduling.adapter.in.rest.interview;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.schedulr.scheduling.domain.interview.PlainText;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PATCH /api/team-members/{id}} body: only the fields present change. The setters note which were present, so
 * {@code "calcomUserId": null} unlinks the Cal.com user while an absent one leaves it, and an explicit null for a
 * required field is refused rather than ignored (a record cannot tell "absent" from "null").
 */
@Schema(description = "The fields to change; those left out stay. calcomUserId null unlinks the Cal.com user.")
public class EditTeamMemberRequest {
    @Schema(description = "Full name.", example = "Grace Hopper")
    @Size(max = PlainText.MAX_NAME)
    private String name;
    @Schema(hidden = true)
    private boolean nameGiven;
    @Schema(description = "Email address, unique among team members (without regard to case).", example = "grace@schedulr.example")
    @Size(max = 254)
    private String email;
    @Schema(hidden = true)
    private boolean emailGiven;
    @Schema(description = "Role in the team.", example = "Partner")
    @Size(max = PlainText.MAX_ROLE)
    private String role;
    @Schema(hidden = true)
    private boolean roleGiven;
    @Schema(description = "Their Cal.com user id (a JSON number); null unlinks it.", example = "1042", nullable = true)
    private Long calcomUserId;
    @Schema(hidden = true)
    private boolean calcomUserIdGiven;
    @Schema(description = "false deactivates the member (they stay on past interviews).", example = "false")
    private Boolean active;
    @Schema(hidden = true)
    private boolean activeGiven;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.nameGiven = true;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
        this.emailGiven = true;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
        this.roleGiven = true;
    }

    public Long getCalcomUserId() {
        return calcomUserId;
    }

    @JsonDeserialize(using = StrictLong.class)
    public void setCalcomUserId(Long calcomUserId) {
        this.calcomUserId = calcomUserId;
        this.calcomUserIdGiven = true;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
        this.activeGiven = true;
    }

    boolean nameGiven() {
        return nameGiven;
    }

    boolean emailGiven() {
        return emailGiven;
    }

    boolean roleGiven() {
        return roleGiven;
    }

    boolean calcomUserIdGiven() {
        return calcomUserIdGiven;
    }

    boolean activeGiven() {
        return activeGiven;
    }
}

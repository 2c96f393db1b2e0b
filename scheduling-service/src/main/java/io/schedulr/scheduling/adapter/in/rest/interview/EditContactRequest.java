package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.domain.interview.PlainText;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PATCH /api/startups/{id}/contacts/{contactId}} body: only the fields present change. The setters note which
 * were present, so {@code "role": null} removes the role while an absent one leaves it, and a null name or email is
 * refused rather than ignored.
 */
@Schema(description = "The fields to change; those left out stay. role null removes it.")
public class EditContactRequest {
    @Schema(description = "Full name.", example = "Linh Tran")
    @Size(max = PlainText.MAX_NAME)
    private String name;
    @Schema(hidden = true)
    private boolean nameGiven;
    @Schema(description = "Email address, unique among the startup's contacts (without regard to case).", example = "linh@robolabs.example")
    @Size(max = 254)
    private String email;
    @Schema(hidden = true)
    private boolean emailGiven;
    @Schema(description = "Role at the startup; null removes it.", example = "CEO", nullable = true)
    @Size(max = PlainText.MAX_ROLE)
    private String role;
    @Schema(hidden = true)
    private boolean roleGiven;

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

    boolean nameGiven() {
        return nameGiven;
    }

    boolean emailGiven() {
        return emailGiven;
    }

    boolean roleGiven() {
        return roleGiven;
    }
}

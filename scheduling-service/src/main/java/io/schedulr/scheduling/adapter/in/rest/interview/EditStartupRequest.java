package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.domain.interview.PlainText;
import io.schedulr.scheduling.domain.interview.Startup;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PATCH /api/startups/{id}} body: only the fields present change. The setters note which were present, so
 * {@code "website": null} removes the website while an absent one leaves it, and a null name is refused rather than
 * ignored.
 */
@Schema(description = "The fields to change; those left out stay. website null removes it.")
public class EditStartupRequest {
    @Schema(description = "Name, at most 200 characters, unique without regard to case.", example = "Robo Labs")
    @Size(max = PlainText.MAX_NAME)
    private String name;
    @Schema(hidden = true)
    private boolean nameGiven;
    @Schema(description = "An http(s) address; null removes it.", example = "https://robolabs.example", nullable = true)
    @Size(max = Startup.MAX_WEBSITE)
    private String website;
    @Schema(hidden = true)
    private boolean websiteGiven;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.nameGiven = true;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
        this.websiteGiven = true;
    }

    boolean nameGiven() {
        return nameGiven;
    }

    boolean websiteGiven() {
        return websiteGiven;
    }
}

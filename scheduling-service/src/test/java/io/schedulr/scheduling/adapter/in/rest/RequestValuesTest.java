package io.schedulr.scheduling.adapter.in.rest;

import io.schedulr.kit.rest.ApiException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one reading of ids, flags and numbers that every route of scheduling-service shares. */
class RequestValuesTest {
    private static final String ID = "3f6c2a9e-1b7d-4c5e-9a8f-2d4b6c8e0f12";

    @Test
    void anIdIsAUuidInItsCanonicalFormInAnyCase() {
        assertThat(RequestValues.canonicalUuid(ID)).contains(UUID.fromString(ID));
        assertThat(RequestValues.canonicalUuid(ID.toUpperCase())).contains(UUID.fromString(ID));
        assertThat(RequestValues.canonicalUuid("1-2-3-4-5")).as("UUID.fromString takes it; we do not").isEmpty();
        assertThat(RequestValues.canonicalUuid("urn:uuid:" + ID)).isEmpty();
        assertThat(RequestValues.canonicalUuid("")).isEmpty();
    }

    @Test
    void aBadIdIsRefusedNamingItsKindInPlainEnglish() {
        assertThat(RequestValues.id("interview", " " + ID + " ")).isEqualTo(UUID.fromString(ID));
        assertThatThrownBy(() -> RequestValues.id("interview", "nope")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_interview_id");
            assertThat(e.getMessage()).isEqualTo("'nope' is not an interview id (a UUID).");
        });
        assertThatThrownBy(() -> RequestValues.id("team_member", "x".repeat(60))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_team_member_id");
            assertThat(e.getMessage()).isEqualTo("'" + "x".repeat(40) + "…' is not a team member id (a UUID).");
        });
    }

    @Test
    void aFlagIsTrueOrFalseInAnyCaseAndAbsentIsFalse() {
        assertThat(RequestValues.flag("mine", null)).isFalse();
        assertThat(RequestValues.flag("mine", "")).isFalse();
        assertThat(RequestValues.flag("mine", "TRUE")).isTrue();
        assertThat(RequestValues.flag("mine", "false")).isFalse();
        assertThatThrownBy(() -> RequestValues.flag("include_inactive", "includeInactive", "yes"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_include_inactive"));
    }

    @Test
    void aNumberMustLieInItsRange() {
        assertThat(RequestValues.number("limit", " 50 ", 1, 100)).isEqualTo(50);
        for (String bad : new String[]{null, "", "0", "101", "ten", "99999999999"}) {
            assertThatThrownBy(() -> RequestValues.number("limit", bad, 1, 100)).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_limit"));
        }
    }
}

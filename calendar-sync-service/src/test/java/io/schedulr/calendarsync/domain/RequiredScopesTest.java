package io.schedulr.calendarsync.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredScopesTest {
    private static final String CALENDAR = "https://www.googleapis.com/auth/calendar";
    private static final String READONLY = "https://www.googleapis.com/auth/calendar.readonly";
    private static final String FREEBUSY = "https://www.googleapis.com/auth/calendar.freebusy";

    @Test
    void everyCalendarScopeGrantedMissesNothing() {
        assertThat(RequiredScopes.missingFrom("openid email profile " + CALENDAR + " " + READONLY + " " + FREEBUSY)).isEmpty();
        assertThat(RequiredScopes.missingFrom(FREEBUSY + " " + CALENDAR + " " + READONLY)).as("in any order").isEmpty();
        assertThat(RequiredScopes.missingFrom("  " + CALENDAR + "\t" + READONLY + "   " + FREEBUSY + " ")).as("any whitespace").isEmpty();
    }

    @Test
    void missingScopesAreNamedInRequestOrder() {
        assertThat(RequiredScopes.missingFrom("openid email profile " + READONLY)).containsExactly(CALENDAR, FREEBUSY);
        assertThat(RequiredScopes.missingFrom(CALENDAR + " " + READONLY)).containsExactly(FREEBUSY);
    }

    @Test
    void nothingGrantedMissesEveryCalendarScope() {
        assertThat(RequiredScopes.missingFrom(null)).containsExactly(CALENDAR, READONLY, FREEBUSY);
        assertThat(RequiredScopes.missingFrom("")).containsExactly(CALENDAR, READONLY, FREEBUSY);
        assertThat(RequiredScopes.missingFrom("openid email profile")).containsExactly(CALENDAR, READONLY, FREEBUSY);
    }

    @Test
    void onlyExactScopesCount() {
        assertThat(RequiredScopes.missingFrom(CALENDAR + ".events " + READONLY + " " + FREEBUSY)).containsExactly(CALENDAR);
        assertThat(RequiredScopes.missingFrom(CALENDAR + "," + READONLY + "," + FREEBUSY)).as("comma is not a separator")
                .containsExactly(CALENDAR, READONLY, FREEBUSY);
    }

    @Test
    void theRequestAsksForSignInAndEveryCalendarScope() {
        assertThat(RequiredScopes.requested()).containsExactly("openid", "email", "profile", CALENDAR, READONLY, FREEBUSY);
    }
}

package io.schedulr.testsupport.calcom;

/**
 * The {@code cal-api-version} each endpoint needs, from Cal.com's current OpenAPI document
 * ({@code docs/api-reference/v2/openapi.json} in calcom/cal.com and the API reference generated from it):
 * <ul>
 *   <li>bookings ({@code BookingsController_2026_02_25_*}: create, get, cancel, reschedule): {@code 2026-02-25};</li>
 *   <li>slots ({@code SlotsController_2024_09_04_getAvailableSlots}): {@code 2024-09-04};</li>
 *   <li>event types ({@code EventTypesController_2024_06_14_getEventTypes}, {@code …getEventTypeById}): {@code 2024-06-14};</li>
 *   <li>team event types ({@code TeamsEventTypesController_2026_06_12_*}): {@code 2026-06-12};</li>
 *   <li>{@code /v2/me}, {@code /v2/teams/{teamId}/memberships}, {@code /v2/webhooks}: no version header.</li>
 * </ul>
 * Cal.com answers a missing or different version in an older shape; the local one refuses it with 400 instead, so a
 * client that forgets the header fails here rather than misreading a legacy body in production.
 */
final class ApiVersions {
    static final String BOOKINGS = "2026-02-25";
    static final String SLOTS = "2024-09-04";
    static final String EVENT_TYPES = "2024-06-14";
    static final String TEAM_EVENT_TYPES = "2026-06-12";
    static final String HEADER = "cal-api-version";

    private ApiVersions() {
    }

    /** Refuses a request whose header is not {@code required}; null means the endpoint takes no version. */
    static void check(String required, String sent, String method, String path) {
        if (required == null || required.equals(sent)) {
            return;
        }
        throw CalcomError.badRequest(sent == null
                ? "Missing cal-api-version header: " + method + " " + path + " must be called with cal-api-version: " + required
                + " (without it Cal.com answers in an older shape)"
                : "Unsupported cal-api-version " + sent + ": " + method + " " + path + " must be called with cal-api-version: "
                + required);
    }
}

package io.schedulr.calcom.adapter.out.calcomapi;

/**
 * The one place that says which {@code cal-api-version} each Cal.com API v2 endpoint is called with. The values are
 * those of Cal.com's current OpenAPI document ({@code docs/api-reference/v2/openapi.json} in calcom/cal.com), the same
 * the local Cal.com of test-support enforces (its {@code ApiVersions}). Without the header Cal.com silently answers in
 * an older shape, so every versioned endpoint of {@link CalcomV2Client} names its constant here.
 * <ul>
 *   <li>bookings — create, get, cancel, reschedule ({@code BookingsController_2026_02_25_*});</li>
 *   <li>slots ({@code SlotsController_2024_09_04_getAvailableSlots});</li>
 *   <li>event types of the key owner and by id ({@code EventTypesController_2024_06_14_*});</li>
 *   <li>a team's event types ({@code TeamsEventTypesController_2026_06_12_*});</li>
 *   <li>{@code GET /v2/me} takes none.</li>
 * </ul>
 */
public final class CalcomApiVersions {
    public static final String HEADER = "cal-api-version";
    public static final String BOOKINGS = "2026-02-25";
    public static final String SLOTS = "2024-09-04";
    public static final String EVENT_TYPES = "2024-06-14";
    public static final String TEAM_EVENT_TYPES = "2026-06-12";

    private CalcomApiVersions() {
    }
}

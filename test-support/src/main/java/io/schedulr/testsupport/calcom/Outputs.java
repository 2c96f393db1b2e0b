package io.schedulr.testsupport.calcom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API v2 response shapes, field names and required fields as Cal.com's OpenAPI document gives them:
 * {@code MeOutput}, {@code EventTypeOutput_2024_06_14}, {@code TeamEventTypeOutput_2024_06_14},
 * {@code TeamMembershipOutput}, {@code BookingOutput_2024_08_13} (served under cal-api-version 2026-02-25).
 * Simplified: optional settings objects (booking limits, layouts, seats, colours…) are left out, locations are one
 * Cal Video integration, and booking fields are the two default ones (name, email).
 */
final class Outputs {
    private final Directory directory;
    private final String baseUrl;

    Outputs(Directory directory, String baseUrl) {
        this.directory = directory;
        this.baseUrl = baseUrl;
    }

    Map<String, Object> me(Directory.User user) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", user.id());
        me.put("username", user.username());
        me.put("email", user.email());
        me.put("name", user.name());
        me.put("avatarUrl", null);
        me.put("bio", null);
        me.put("timeFormat", 24);
        me.put("defaultScheduleId", user.scheduleId());
        me.put("weekStart", "Monday");
        me.put("timeZone", user.timeZone());
        me.put("locale", "en");
        me.put("organizationId", null);
        return me;
    }

    Map<String, Object> eventType(Directory.EventType type) {
        Map<String, Object> out = common(type);
        out.put("ownerId", type.ownerId());
        List<Object> users = new ArrayList<>();
        for (long id : type.hostIds()) {
            Directory.User user = directory.user(id);
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("id", user.id());
            u.put("name", user.name());
            u.put("username", user.username());
            u.put("avatarUrl", null);
            u.put("weekStart", "Monday");
            u.put("brandColor", null);
            u.put("darkBrandColor", null);
            u.put("metadata", new LinkedHashMap<>());
            users.add(u);
        }
        out.put("users", users);
        Directory.User owner = type.ownerId() == null ? null : directory.user(type.ownerId());
        out.put("bookingUrl", baseUrl + "/" + (owner == null ? "unknown" : owner.username()) + "/" + type.slug());
        return out;
    }

    Map<String, Object> teamEventType(Directory.EventType type) {
        Map<String, Object> out = common(type);
        Directory.Team team = directory.team(type.teamId());
        out.put("teamId", type.teamId());
        out.put("bookingUrl", baseUrl + "/team/" + team.slug() + "/" + type.slug());
        out.put("ownerId", null);
        out.put("parentEventTypeId", null);
        List<Object> hosts = new ArrayList<>();
        for (long id : type.hostIds()) {
            Directory.User user = directory.user(id);
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("userId", user.id());
            host.put("mandatory", false);
            host.put("priority", "medium");
            host.put("name", user.name());
            host.put("username", user.username());
            host.put("avatarUrl", null);
            hosts.add(host);
        }
        out.put("hosts", hosts);
        out.put("assignAllTeamMembers", false);
        out.put("schedulingType", type.schedulingType());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", team.id());
        t.put("slug", team.slug());
        t.put("bannerUrl", "");
        t.put("name", team.name());
        t.put("logoUrl", "");
        t.put("weekStart", "Monday");
        t.put("brandColor", "#292929");
        t.put("darkBrandColor", "#fafafa");
        t.put("theme", "light");
        out.put("team", t);
        return out;
    }

    private static Map<String, Object> common(Directory.EventType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", type.id());
        out.put("lengthInMinutes", type.lengthInMinutes());
        out.put("lengthInMinutesOptions", type.lengthOptions());
        out.put("title", type.title());
        out.put("slug", type.slug());
        out.put("description", type.description());
        out.put("locations", List.of(Map.of("type", "integration", "integration", "cal-video")));
        out.put("bookingFields", List.of(
                field("name", "name", true), field("email", "email", true)));
        out.put("disableGuests", false);
        out.put("slotInterval", null);
        out.put("minimumBookingNotice", 0);
        out.put("beforeEventBuffer", 0);
        out.put("afterEventBuffer", 0);
        out.put("recurrence", null);
        out.put("metadata", new LinkedHashMap<>());
        out.put("price", 0);
        out.put("currency", "usd");
        out.put("lockTimeZoneToggleOnBookingPage", false);
        out.put("seatsPerTimeSlot", null);
        out.put("forwardParamsSuccessRedirect", true);
        out.put("successRedirectUrl", null);
        out.put("isInstantEvent", false);
        out.put("seatsShowAvailabilityCount", null);
        out.put("scheduleId", null);
        out.put("hidden", false);
        out.put("bookingRequiresAuthentication", false);
        return out;
    }

    private static Map<String, Object> field(String type, String slug, boolean required) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", type);
        f.put("isDefault", true);
        f.put("slug", slug);
        f.put("required", required);
        return f;
    }

    Map<String, Object> membership(Directory.Membership membership) {
        Directory.User user = directory.user(membership.userId());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", membership.id());
        out.put("userId", membership.userId());
        out.put("teamId", membership.teamId());
        out.put("accepted", membership.accepted());
        out.put("role", membership.role());
        out.put("disableImpersonation", false);
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("username", user.username());
        u.put("name", user.name());
        u.put("email", user.email());
        u.put("metadata", new LinkedHashMap<>());
        out.put("user", u);
        return out;
    }

    Map<String, Object> booking(Booking booking) {
        Directory.EventType type = directory.eventType(booking.eventTypeId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", booking.id);
        out.put("uid", booking.uid);
        out.put("title", booking.title);
        out.put("description", "");
        List<Object> hosts = new ArrayList<>();
        for (long id : booking.hostIds) {
            Directory.User user = directory.user(id);
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("id", user.id());
            host.put("name", user.name());
            host.put("email", user.email());
            host.put("displayEmail", user.email());
            host.put("username", user.username());
            host.put("timeZone", user.timeZone());
            hosts.add(host);
        }
        out.put("hosts", hosts);
        out.put("status", booking.status);
        putIf(out, "cancellationReason", booking.cancellationReason);
        putIf(out, "cancelledByEmail", booking.cancelledByEmail);
        putIf(out, "reschedulingReason", booking.reschedulingReason);
        putIf(out, "rescheduledByEmail", booking.rescheduledByEmail);
        putIf(out, "rescheduledFromUid", booking.rescheduledFromUid);
        putIf(out, "rescheduledToUid", booking.rescheduledToUid);
        out.put("start", Times.iso(booking.start));
        out.put("end", Times.iso(booking.end));
        out.put("duration", booking.durationMinutes());
        out.put("eventTypeId", booking.eventTypeId);
        out.put("eventType", Map.of("id", booking.eventTypeId, "slug", type.slug()));
        out.put("meetingUrl", booking.location);
        out.put("location", booking.location);
        out.put("absentHost", false);
        out.put("createdAt", Times.iso(booking.createdAt));
        out.put("updatedAt", booking.updatedAt == null ? null : Times.iso(booking.updatedAt));
        out.put("metadata", new LinkedHashMap<>(booking.metadata));
        out.put("icsUid", booking.icsUid);
        List<Object> attendees = new ArrayList<>();
        attendees.add(attendee(booking.attendee.name(), booking.attendee.email(), booking.attendee.timeZone(), booking.attendee.language()));
        for (String guest : booking.guests) {
            attendees.add(attendee(guest, guest, booking.attendee.timeZone(), booking.attendee.language()));
        }
        out.put("attendees", attendees);
        out.put("guests", new ArrayList<>(booking.guests));
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("name", booking.attendee.name());
        responses.put("email", booking.attendee.email());
        if (!booking.guests.isEmpty()) {
            responses.put("guests", new ArrayList<>(booking.guests));
        }
        out.put("bookingFieldsResponses", responses);
        return out;
    }

    private static Map<String, Object> attendee(String name, String email, String timeZone, String language) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("email", email);
        a.put("displayEmail", email);
        a.put("timeZone", timeZone);
        a.put("language", language);
        a.put("absent", false);
        return a;
    }

    private static void putIf(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}

package io.schedulr.testsupport.calcom;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who and what a Cal.com account holds: users, the team and its memberships, each user's schedule (working hours in a
 * zone) and the event types. Seeded from {@link CalcomSettings.Seed}; the control API adds to it.
 */
final class Directory {
    record User(long id, String username, String name, String email, String timeZone, long scheduleId) {
    }

    record Team(long id, String slug, String name) {
    }

    record Membership(long id, long userId, long teamId, String role, boolean accepted) {
    }

    /** Working windows: the days and the local start/end times they apply to, in the schedule's zone. */
    record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    }

    record Schedule(long id, long userId, String timeZone, List<Window> windows) {
    }

    /**
     * @param teamId         null for a personal event type
     * @param ownerId        the owning user of a personal event type, null for a team one
     * @param schedulingType {@code collective}, {@code roundRobin}, or null for a personal event type
     */
    /** @param requiresConfirmation its bookings wait for a host to confirm or decline them ({@code pending}) */
    record EventType(long id, String slug, String title, String description, int lengthInMinutes, List<Integer> lengthOptions,
                     Long teamId, Long ownerId, List<Long> hostIds, String schedulingType, boolean requiresConfirmation) {
    }

    private final Map<Long, User> users = new LinkedHashMap<>();
    private final Map<Long, Team> teams = new LinkedHashMap<>();
    private final Map<Long, Membership> memberships = new LinkedHashMap<>();
    private final Map<Long, Schedule> schedules = new LinkedHashMap<>();
    private final Map<Long, EventType> eventTypes = new LinkedHashMap<>();
    private long nextUser = 101;
    private long nextMembership = 201;
    private long nextSchedule = 301;
    private long nextEventType = 1001;
    private final long ownerId;
    private final long teamId;

    Directory(CalcomSettings.Seed seed) {
        Team team = new Team(11, slug(seed.teamName()), seed.teamName());
        teams.put(team.id(), team);
        this.teamId = team.id();
        LocalTime start = LocalTime.parse(seed.workStart());
        LocalTime end = LocalTime.parse(seed.workEnd());
        long first = -1;
        for (CalcomSettings.Member member : seed.members()) {
            User user = addMember(team.id(), member.name(), member.email(), member.username(), seed.timeZone(),
                    first < 0 ? "OWNER" : "MEMBER", start, end);
            if (first < 0) {
                first = user.id();
            }
        }
        this.ownerId = first;
        List<Long> hosts = List.copyOf(users.keySet());
        for (CalcomSettings.EventTypeSeed et : seed.eventTypes()) {
            addEventType(et.slug(), et.title(), et.lengthInMinutes(), team.id(), null, hosts, et.schedulingType());
        }
    }

    /** The user the API keys belong to (the team's owner). */
    synchronized User owner() {
        return users.get(ownerId);
    }

    synchronized long defaultTeamId() {
        return teamId;
    }

    synchronized User user(long id) {
        return users.get(id);
    }

    synchronized Team team(long id) {
        return teams.get(id);
    }

    synchronized List<Membership> memberships(long team) {
        return memberships.values().stream().filter(m -> m.teamId() == team).toList();
    }

    synchronized Schedule scheduleOf(long userId) {
        User user = users.get(userId);
        return user == null ? null : schedules.get(user.scheduleId());
    }

    synchronized EventType eventType(long id) {
        return eventTypes.get(id);
    }

    synchronized List<EventType> eventTypesOfTeam(long team) {
        return eventTypes.values().stream().filter(e -> e.teamId() != null && e.teamId() == team).toList();
    }

    synchronized List<EventType> eventTypesOfUser(long userId) {
        return eventTypes.values().stream().filter(e -> e.ownerId() != null && e.ownerId() == userId).toList();
    }

    synchronized User userByUsername(String username) {
        return users.values().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst().orElse(null);
    }

    synchronized User addMember(long team, String name, String email, String username, String timeZone, String role,
                                LocalTime start, LocalTime end) {
        if (!teams.containsKey(team)) {
            throw CalcomError.notFound("Team with id=" + team + " not found");
        }
        ZoneId.of(timeZone);
        if (users.values().stream().anyMatch(u -> u.email().equalsIgnoreCase(email) || u.username().equalsIgnoreCase(username))) {
            throw CalcomError.badRequest("User with email or username already exists");
        }
        long id = nextUser++;
        Schedule schedule = new Schedule(nextSchedule++, id, timeZone,
                List.of(new Window(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), start, end)));
        schedules.put(schedule.id(), schedule);
        User user = new User(id, username, name, email, timeZone, schedule.id());
        users.put(id, user);
        Membership membership = new Membership(nextMembership++, id, team, role, true);
        memberships.put(membership.id(), membership);
        return user;
    }

    synchronized Schedule replaceSchedule(long userId, String timeZone, List<Window> windows) {
        User user = users.get(userId);
        if (user == null) {
            throw CalcomError.notFound("User with id=" + userId + " not found");
        }
        ZoneId.of(timeZone);
        Schedule schedule = new Schedule(user.scheduleId(), userId, timeZone, List.copyOf(windows));
        schedules.put(schedule.id(), schedule);
        users.put(userId, new User(user.id(), user.username(), user.name(), user.email(), timeZone, user.scheduleId()));
        return schedule;
    }

    synchronized EventType addEventType(String slug, String title, int length, Long team, Long owner, List<Long> hostIds,
                                        String schedulingType) {
        if (length < 1) {
            throw CalcomError.badRequest("lengthInMinutes must be a positive number");
        }
        for (Long host : hostIds) {
            if (!users.containsKey(host)) {
                throw CalcomError.badRequest("Host with id=" + host + " is not a user");
            }
        }
        if (hostIds.isEmpty()) {
            throw CalcomError.badRequest("An event type needs at least one host");
        }
        if (team != null && !List.of("collective", "roundRobin").contains(schedulingType)) {
            throw CalcomError.badRequest("schedulingType must be collective or roundRobin");
        }
        EventType type = new EventType(nextEventType++, slug, title, "", length, List.of(length), team, owner, List.copyOf(hostIds),
                team == null ? null : schedulingType, false);
        eventTypes.put(type.id(), type);
        return type;
    }

    /** From now on a booking may choose any of these lengths (the type's own among them). */
    synchronized EventType offerLengths(long id, List<Integer> options) {
        EventType t = eventTypes.get(id);
        EventType offering = new EventType(t.id(), t.slug(), t.title(), t.description(), t.lengthInMinutes(), List.copyOf(options), t.teamId(),
                t.ownerId(), t.hostIds(), t.schedulingType(), t.requiresConfirmation());
        eventTypes.put(id, offering);
        return offering;
    }

    /** From now on its bookings wait for a host's confirmation. */
    synchronized EventType requireConfirmation(long id) {
        EventType t = eventTypes.get(id);
        EventType confirmed = new EventType(t.id(), t.slug(), t.title(), t.description(), t.lengthInMinutes(), t.lengthOptions(), t.teamId(),
                t.ownerId(), t.hostIds(), t.schedulingType(), true);
        eventTypes.put(id, confirmed);
        return confirmed;
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** All users, for the control API's view. */
    synchronized List<User> users() {
        return new ArrayList<>(users.values());
    }
}

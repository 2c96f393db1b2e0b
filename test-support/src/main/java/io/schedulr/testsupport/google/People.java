package io.schedulr.testsupport.google;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The Google accounts the stand-in knows: anyone with an email address, remembered with the name and zone last given. */
final class People {
    /**
     * @param zoneInfo   the account's zone (its calendars'); UTC when none was given
     * @param statesZone whether its ID tokens say the zone ({@code zoneinfo}, the stand-in's extra); Google's never do, and
     *                   an account chosen with the zone field left empty is like theirs
     */
    record Person(String subject, String email, String name, String zoneInfo, boolean statesZone) {
        Person(String subject, String email, String name, String zoneInfo) {
            this(subject, email, name, zoneInfo, true);
        }

        /** The zone its ID tokens and userinfo state, or null. */
        String statedZone() {
            return statesZone ? zoneInfo : null;
        }
    }

    private final Map<String, Person> byEmail = new ConcurrentHashMap<>();

    /** Google's {@code sub}: stable for a person across restarts, never the email itself. */
    static String subjectFor(String email) {
        return UUID.nameUUIDFromBytes(("schedulr-dev:" + email.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)).toString();
    }

    void remember(String email, String name, String zoneInfo) {
        remember(email, name, zoneInfo, true);
    }

    void remember(String email, String name, String zoneInfo, boolean statesZone) {
        byEmail.put(key(email), new Person(subjectFor(email), email, name, zoneInfo, statesZone));
    }

    /** The person behind an address; one never seen before gets the local part as name and UTC. */
    Person find(String email) {
        Person known = byEmail.get(key(email));
        return known != null ? known : new Person(subjectFor(email), email, email.substring(0, email.indexOf('@')), "UTC");
    }

    /** What lasts across a restart of a local Google that keeps its state ({@link io.schedulr.testsupport.StateFile}). */
    List<Map<String, Object>> export() {
        return byEmail.values().stream().map(p -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("email", p.email());
            json.put("name", p.name());
            json.put("zoneInfo", p.zoneInfo());
            json.put("statesZone", p.statesZone());
            return json;
        }).toList();
    }

    void restore(List<Object> saved) {
        for (Object entry : saved) {
            Map<String, Object> json = Json.object(entry);
            remember(Json.string(json.get("email")), Json.string(json.get("name")), Json.string(json.get("zoneInfo")),
                    !Boolean.FALSE.equals(json.get("statesZone")));
        }
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}

package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.domain.InterviewChange;
import io.schedulr.notification.domain.InterviewDetails;
import io.schedulr.notification.domain.InterviewParticipant;
import io.schedulr.notification.domain.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** An interview delivery's {@code interview} column (JSONB): everyone taking part, the change, the reason, whether it is tentative. */
final class InterviewJson {
    private InterviewJson() {
    }

    static JsonObject of(InterviewDetails details) {
        if (details == null) {
            return null;
        }
        JsonArray people = new JsonArray();
        for (InterviewParticipant p : details.people()) {
            people.add(person(p.person()).put("kind", p.kind().name()).put("role", p.role()).put("company", p.company()));
        }
        return new JsonObject().put("interviewId", details.interviewId()).put("change", details.change().name())
                .put("reason", details.reason()).put("tentative", details.tentative()).put("people", people);
    }

    static InterviewDetails read(JsonObject json) {
        if (json == null) {
            return null;
        }
        List<InterviewParticipant> people = new ArrayList<>();
        for (Object o : json.getJsonArray("people")) {
            JsonObject p = (JsonObject) o;
            people.add(new InterviewParticipant(person(p), InterviewParticipant.Kind.valueOf(p.getString("kind")), p.getString("role"),
                    p.getString("company")));
        }
        return new InterviewDetails(json.getString("interviewId"), InterviewChange.valueOf(json.getString("change")), people,
                json.getString("reason"), json.getBoolean("tentative", false));
    }

    /** interview_state's {@code told_people}: everyone the last REQUEST named. */
    static JsonArray ofPeople(List<Person> people) {
        JsonArray array = new JsonArray();
        people.forEach(p -> array.add(person(p)));
        return array;
    }

    static List<Person> readPeople(JsonArray array) {
        List<Person> people = new ArrayList<>();
        for (Object o : array == null ? new JsonArray() : array) {
            people.add(person((JsonObject) o));
        }
        return people;
    }

    private static JsonObject person(Person p) {
        return new JsonObject().put("userId", p.id()).put("email", p.email()).put("name", p.name()).put("timeZone", p.timeZone());
    }

    private static Person person(JsonObject p) {
        return new Person(p.getString("userId"), p.getString("email"), p.getString("name"), p.getString("timeZone"));
    }
}

package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.domain.InterviewChange;
import io.schedulr.notification.domain.InterviewDetails;
import io.schedulr.notification.domain.InterviewParticipant;
import io.schedulr.notification.domain.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/** An interview delivery's {@code interview} column (JSONB): everyone taking part, the change, the reason, whether it is tentative. */
final class InterviewJson {
    private static final Logger LOG = Logger.getLogger(InterviewJson.class);
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

    /**
     * An entry that cannot be read (not an object, or no usable address) is left out and logged: it only means that address
     * is not sent a CANCEL should a change drop it, never that the interview's (or the partition's) changes stop.
     */
    static List<Person> readPeople(JsonArray array) {
        List<Person> people = new ArrayList<>();
        for (Object o : array == null ? new JsonArray() : array) {
            try {
                people.add(person((JsonObject) o));
            } catch (RuntimeException unreadable) {
                LOG.warnf("interview_state.told_people: an entry that cannot be read is left out: %s", unreadable.getMessage());
            }
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

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
            people.add(new JsonObject().put("userId", p.person().id()).put("email", p.person().email()).put("name", p.person().name())
                    .put("timeZone", p.person().timeZone()).put("kind", p.kind().name()).put("role", p.role()).put("company", p.company()));
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
            people.add(new InterviewParticipant(new Person(p.getString("userId"), p.getString("email"), p.getString("name"),
                    p.getString("timeZone")), InterviewParticipant.Kind.valueOf(p.getString("kind")), p.getString("role"),
                    p.getString("company")));
        }
        return new InterviewDetails(json.getString("interviewId"), InterviewChange.valueOf(json.getString("change")), people,
                json.getString("reason"), json.getBoolean("tentative", false));
    }
}

package io.schedulr.notification.adapter.out.persistence;

import io.schedulr.notification.domain.Person;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom an interview's last REQUEST named, as stored: one entry that cannot be read is left out, the rest are read. */
class InterviewJsonTest {

    @Test
    void anUnreadableToldPersonIsLeftOutAndTheOthersAreRead() {
        JsonArray stored = new JsonArray()
                .add(new JsonObject().put("userId", "u1").put("email", "Ada@Example.com").put("name", "Ada").put("timeZone", "Europe/Berlin"))
                .add("not an object")
                .add(new JsonObject().put("email", "not an address").put("name", "Nobody"))
                .add(new JsonObject().put("email", "grace@acme.example").put("name", "Grace"));

        assertThat(InterviewJson.readPeople(stored)).extracting(Person::email).containsExactly("ada@example.com", "grace@acme.example");
        assertThat(InterviewJson.readPeople(null)).isEmpty();
    }

    @Test
    void toldPeopleAreReadBackAsWritten() {
        Person ada = new Person("u1", "ada@example.com", "Ada", "Europe/Berlin");
        assertThat(InterviewJson.readPeople(InterviewJson.ofPeople(List.of(ada)))).containsExactly(ada);
    }
}

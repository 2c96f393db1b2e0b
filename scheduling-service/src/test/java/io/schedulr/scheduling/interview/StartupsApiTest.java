package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.Db;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** {@code /api/startups} and their contacts on the real database, for everyone signed in. */
@QuarkusTest
class StartupsApiTest {
    private final TestUser coordinator = Tokens.newUser("Startup Coordinator", "UTC");
    private final TestUser colleague = Tokens.newUser("Startup Colleague", "UTC");

    @Test
    void startupsAreAddedOnceAndFoundByPartOfTheirName() {
        String u = TeamApi.unique();
        String id = TeamApi.post(coordinator, "/api/startups", "{\"name\":\"Robo " + u + " Labs\",\"website\":\"robo.example\"}").statusCode(201)
                .body("name", equalTo("Robo " + u + " Labs")).body("website", equalTo("https://robo.example")).body("contacts", empty())
                .extract().path("id");
        TeamApi.addStartup(colleague, "Beta_" + u);
        TeamApi.post(colleague, "/api/startups", "{\"name\":\"ROBO " + u + " LABS\"}").statusCode(409).body("code", equalTo("startup_name_taken"));

        TeamApi.search(colleague, "o " + u.toUpperCase() + " l").statusCode(200).body("id", contains(id));
        // LIKE wildcards in the query match only themselves
        TeamApi.search(colleague, "_" + u).statusCode(200).body("name", contains("Beta_" + u));
        TeamApi.search(colleague, "%" + u).statusCode(200).body("$", empty());
        List<String> page = TeamApi.get(colleague, "/api/startups?limit=2").statusCode(200).body("$", hasSize(2)).extract().path("name");
        assertThat(page).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        TeamApi.get(colleague, "/api/startups/" + id).statusCode(200).body("name", equalTo("Robo " + u + " Labs"));
        TeamApi.get(colleague, "/api/startups/" + UUID.randomUUID()).statusCode(404).body("code", equalTo("startup_not_found"));
        TeamApi.get(colleague, "/api/startups/nope").statusCode(400).body("code", equalTo("invalid_startup_id"));

        assertThat(Db.text("SELECT actor_id FROM audit_log WHERE entity_type = 'startup' AND entity_id = ? AND action = 'startup.added'", id))
                .isEqualTo(coordinator.id());
    }

    @Test
    void contactsAreAddedToAStartupWithAnAddressOnlyOnceAndListedByName() {
        String u = TeamApi.unique();
        String startup = TeamApi.addStartup(coordinator, "Contacts " + u);
        String other = TeamApi.addStartup(coordinator, "Other " + u);
        String zoe = TeamApi.post(colleague, "/api/startups/" + startup + "/contacts",
                        "{\"name\":\"Zoe\",\"email\":\"Zoe@Contacts.example\",\"role\":\"CEO\"}").statusCode(201)
                .body("startupId", equalTo(startup)).body("email", equalTo("Zoe@contacts.example")).body("role", equalTo("CEO"))
                .extract().path("id");
        String al = TeamApi.addContact(coordinator, startup, "Al", "al@contacts.example");

        TeamApi.post(colleague, "/api/startups/" + startup + "/contacts", "{\"name\":\"Zoe 2\",\"email\":\"ZOE@contacts.example\",\"role\":\"CTO\"}")
                .statusCode(409).body("code", equalTo("contact_email_taken"));
        // another startup may have a contact with the same address
        TeamApi.addContact(coordinator, other, "Zoe", "zoe@contacts.example");
        TeamApi.post(colleague, "/api/startups/" + startup + "/contacts", "{\"name\":\"Bad\",\"email\":\"bad@\",\"role\":\"CTO\"}")
                .statusCode(400).body("code", equalTo("invalid_email"));
        TeamApi.post(colleague, "/api/startups/" + UUID.randomUUID() + "/contacts", "{\"name\":\"Lost\",\"email\":\"l@x.example\",\"role\":\"CTO\"}")
                .statusCode(404).body("code", equalTo("startup_not_found"));

        TeamApi.get(colleague, "/api/startups/" + startup + "/contacts").statusCode(200).body("id", contains(al, zoe));
        TeamApi.search(colleague, "contacts " + u).statusCode(200).body("[0].contacts.id", contains(al, zoe));
        assertThat(Db.count("SELECT count(*) FROM startup_contact WHERE startup_id = ?", UUID.fromString(startup))).isEqualTo(2);
        assertThat(Db.text("SELECT after->>'email' FROM audit_log WHERE entity_type = 'startup_contact' AND entity_id = ?", zoe))
                .isEqualTo("Zoe@contacts.example");
    }
}

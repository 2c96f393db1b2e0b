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

    /** A typo in a startup's name or a contact's address is corrected in place; a draft interview then has the right address. */
    @Test
    void aStartupIsRenamedAndAContactsAddressCorrectedByAnyoneSignedIn() {
        String u = TeamApi.unique();
        String startup = TeamApi.addStartup(coordinator, "Robotcs " + u);
        TeamApi.addStartup(coordinator, "Taken " + u);
        String zoe = TeamApi.addContact(coordinator, startup, "Zoe", "zoe@robotics.exmaple");
        TeamApi.addContact(coordinator, startup, "Al", "al@robotics.example");
        String draft = TeamApi.post(coordinator, "/api/interviews", "{\"startupId\":\"" + startup + "\"}").statusCode(201).extract().path("id");
        TeamApi.put(coordinator, "/api/interviews/" + draft + "/steps/startup",
                "{\"startupId\":\"" + startup + "\",\"contactId\":\"" + zoe + "\"}").statusCode(200);

        TeamApi.patch(colleague, "/api/startups/" + startup, "{\"name\":\"Robotics " + u + "\",\"website\":\"robotics.example\"}")
                .statusCode(200).body("name", equalTo("Robotics " + u)).body("website", equalTo("https://robotics.example"))
                .body("contacts.name", contains("Al", "Zoe"));
        TeamApi.patch(colleague, "/api/startups/" + startup, "{\"website\":null}").statusCode(200).body("website", org.hamcrest.Matchers.nullValue());
        TeamApi.patch(colleague, "/api/startups/" + startup, "{\"name\":\"TAKEN " + u + "\"}").statusCode(409)
                .body("code", equalTo("startup_name_taken"));
        TeamApi.patch(colleague, "/api/startups/" + startup, "{\"name\":null}").statusCode(400).body("code", equalTo("invalid_name"));
        TeamApi.patch(colleague, "/api/startups/" + startup, "{}").statusCode(400).body("code", equalTo("nothing_to_update"));
        TeamApi.patch(colleague, "/api/startups/" + UUID.randomUUID(), "{\"name\":\"X " + u + "\"}").statusCode(404)
                .body("code", equalTo("startup_not_found"));

        String contact = "/api/startups/" + startup + "/contacts/" + zoe;
        TeamApi.patch(colleague, contact, "{\"email\":\"AL@robotics.example\"}").statusCode(409).body("code", equalTo("contact_email_taken"));
        TeamApi.patch(colleague, contact, "{\"email\":\"Zoe@Robotics.example\",\"role\":\"Founder\"}").statusCode(200)
                .body("id", equalTo(zoe)).body("email", equalTo("Zoe@robotics.example")).body("role", equalTo("Founder")).body("name", equalTo("Zoe"));
        TeamApi.patch(colleague, "/api/startups/" + TeamApi.addStartup(coordinator, "Elsewhere " + u) + "/contacts/" + zoe, "{\"name\":\"Z\"}")
                .statusCode(404).body("code", equalTo("contact_not_found"));
        TeamApi.patch(colleague, "/api/startups/" + startup + "/contacts/nope", "{\"name\":\"Z\"}").statusCode(400)
                .body("code", equalTo("invalid_contact_id"));

        TeamApi.get(coordinator, "/api/interviews/" + draft).statusCode(200).body("startup.name", equalTo("Robotics " + u))
                .body("contact.email", equalTo("Zoe@robotics.example"));
        assertThat(Db.text("SELECT actor_id FROM audit_log WHERE entity_type = 'startup_contact' AND entity_id = ? AND action = "
                + "'startup_contact.edited'", zoe)).isEqualTo(colleague.id());
        assertThat(Db.text("SELECT count(*)::text FROM audit_log WHERE entity_type = 'startup' AND entity_id = ? AND action = 'startup.edited'",
                startup)).isEqualTo("2");
    }

    @Test
    void startupsAndContactsNoInterviewNamesAreRemovedByAnyoneSignedInAndThoseNamedStay() {
        String u = TeamApi.unique();
        String acme = TeamApi.addStartup(coordinator, "Removal Acme " + u);
        String grace = TeamApi.addContact(coordinator, acme, "Grace", "grace-" + u + "@acme.test");
        String typo = TeamApi.addContact(coordinator, acme, "Grace Typo", "grace-" + u + "@acme.tset");
        String beta = TeamApi.addStartup(coordinator, "Removal Beta " + u);
        String bob = TeamApi.addContact(coordinator, beta, "Bob", "bob-" + u + "@beta.test");
        String gamma = TeamApi.addStartup(coordinator, "Removal Gamma " + u);
        String cy = TeamApi.addContact(coordinator, gamma, "Cy", "cy-" + u + "@gamma.test");
        // A draft of Acme with Grace as its contact and Bob (of Beta) as a guest taken from his contact.
        String draft = InterviewApi.draft(coordinator);
        InterviewApi.step(coordinator, draft, "startup", "{\"startupId\":\"" + acme + "\",\"contactId\":\"" + grace + "\"}").statusCode(200);
        InterviewApi.step(coordinator, draft, "guests", "{\"guests\":[{\"contactId\":\"" + bob + "\"}]}").statusCode(200);

        TeamApi.delete(colleague, "/api/startups/" + acme + "/contacts/" + grace).statusCode(409).body("code", equalTo("contact_in_use"));
        TeamApi.delete(colleague, "/api/startups/" + beta + "/contacts/" + bob).statusCode(409).body("code", equalTo("contact_in_use"));
        TeamApi.delete(colleague, "/api/startups/" + acme).statusCode(409).body("code", equalTo("startup_in_use"));
        TeamApi.delete(colleague, "/api/startups/" + beta).statusCode(409).body("code", equalTo("startup_in_use"));
        TeamApi.delete(colleague, "/api/startups/" + beta + "/contacts/" + typo).statusCode(404).body("code", equalTo("contact_not_found"));
        TeamApi.delete(colleague, "/api/startups/" + UUID.randomUUID()).statusCode(404).body("code", equalTo("startup_not_found"));
        TeamApi.delete(colleague, "/api/startups/nope/contacts/" + typo).statusCode(400).body("code", equalTo("invalid_startup_id"));
        TeamApi.delete(colleague, "/api/startups/" + acme + "/contacts/nope").statusCode(400).body("code", equalTo("invalid_contact_id"));

        // A colleague, not who added it, removes the mistaken contact, then Gamma with its contact.
        TeamApi.delete(colleague, "/api/startups/" + acme + "/contacts/" + typo).statusCode(204);
        TeamApi.get(colleague, "/api/startups/" + acme + "/contacts").statusCode(200).body("id", contains(grace));
        TeamApi.delete(colleague, "/api/startups/" + acme + "/contacts/" + typo).statusCode(404).body("code", equalTo("contact_not_found"));
        TeamApi.delete(colleague, "/api/startups/" + gamma).statusCode(204);
        TeamApi.get(colleague, "/api/startups/" + gamma).statusCode(404).body("code", equalTo("startup_not_found"));
        assertThat(Db.count("SELECT count(*) FROM startup_contact WHERE id = ?::uuid", cy)).isZero();
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE actor_id = ? AND action IN ('startup_contact.removed', 'startup.removed') "
                + "AND entity_id IN (?, ?, ?)", colleague.id(), typo, cy, gamma)).isEqualTo(3);
        // What stays is whole: the draft still names Grace and Bob.
        InterviewApi.get(coordinator, "/api/interviews/" + draft).statusCode(200).body("contact.id", equalTo(grace))
                .body("guests[0].contactId", equalTo(bob));
    }
}

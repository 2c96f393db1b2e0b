package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.Db;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** {@code /api/team-members} on the real database: admins manage the team, everyone signed in lists it. */
@QuarkusTest
class TeamMembersApiTest {
    private final TestUser admin = Tokens.newUserWithRoles("Team Admin", "UTC", "admin");
    private final TestUser coordinator = Tokens.newUser("Team Coordinator", "UTC");

    @Test
    void adminsAddChangeAndDeactivateMembersAndEveryoneListsTheActiveOnes() {
        String u = TeamApi.unique();
        String email = "Ada." + u + "@Example.COM";
        String body = "{\"name\":\"Ada " + u + "\",\"email\":\"" + email + "\",\"role\":\"Partner\",\"calcomUserId\":" + (9_000_000 + u.hashCode() % 1000 + 1000) + "}";

        TeamApi.post(coordinator, "/api/team-members", body).statusCode(403).body("code", equalTo("admin_only"));
        String id = TeamApi.post(admin, "/api/team-members", body).statusCode(201)
                .body("name", equalTo("Ada " + u)).body("email", equalTo("Ada." + u + "@example.com")).body("role", equalTo("Partner"))
                .body("active", equalTo(true)).extract().path("id");
        // the same address in another case is taken
        TeamApi.post(admin, "/api/team-members", "{\"name\":\"Ada Again\",\"email\":\"ADA." + u + "@example.com\",\"role\":\"Analyst\"}")
                .statusCode(409).body("code", equalTo("team_member_email_taken"));
        TeamApi.get(coordinator, "/api/team-members").statusCode(200).body("id", hasItem(id));

        TeamApi.patch(coordinator, "/api/team-members/" + id, "{\"active\":false}").statusCode(403).body("code", equalTo("admin_only"));
        TeamApi.patch(admin, "/api/team-members/" + id, "{\"role\":\"Principal\",\"calcomUserId\":null}").statusCode(200)
                .body("role", equalTo("Principal")).body("calcomUserId", nullValue()).body("name", equalTo("Ada " + u));
        TeamApi.patch(admin, "/api/team-members/" + id, "{\"active\":false}").statusCode(200).body("active", equalTo(false));

        TeamApi.get(coordinator, "/api/team-members").statusCode(200).body("id", not(hasItem(id)));
        TeamApi.get(coordinator, "/api/team-members?includeInactive=true").statusCode(403).body("code", equalTo("admin_only"));
        TeamApi.get(admin, "/api/team-members?includeInactive=true").statusCode(200).body("id", hasItem(id));
        TeamApi.patch(admin, "/api/team-members/" + UUID.randomUUID(), "{\"active\":false}").statusCode(404)
                .body("code", equalTo("team_member_not_found"));

        assertThat(Db.text("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_type = 'team_member' AND entity_id = ?", id))
                .isEqualTo("team_member.added,team_member.edited,team_member.deactivated");
        assertThat(Db.text("SELECT actor_id FROM audit_log WHERE entity_type = 'team_member' AND entity_id = ? AND action = 'team_member.deactivated'",
                id)).isEqualTo(admin.id());
        assertThat(Db.text("SELECT after->>'role' FROM audit_log WHERE entity_id = ? AND action = 'team_member.edited'", id)).isEqualTo("Principal");
        assertThat(Db.count("SELECT count(*) FROM team_member WHERE lower(email) = lower(?)", email)).isEqualTo(1);
    }

    @Test
    void adminsListTheCalcomHostsToLinkEachOnceSortedByNameWithTheMemberLinkedToThem() {
        TeamApi.get(coordinator, "/api/team-members/calcom-users").statusCode(403).body("code", equalTo("admin_only"));
        io.restassured.path.json.JsonPath users = TeamApi.get(admin, "/api/team-members/calcom-users").statusCode(200).extract().jsonPath();
        assertThat(users.getList("calcomUserId", Long.class)).as("the fake gateway's hosts, each once").containsExactly(101L, 102L);
        assertThat(users.getList("name", String.class)).containsExactly("Ada Host", "Bob Host");
        for (int i = 0; i < 2; i++) {
            Long linked = users.getObject("[" + i + "].teamMember.calcomUserId", Long.class);
            assertThat(linked == null || linked.equals(users.getLong("[" + i + "].calcomUserId"))).isTrue();
        }
    }

    /** Google's ID tokens carry no role claim: the addresses in SCHEDULR_ADMINS (here, %test.schedulr.admins) are admins. */
    @Test
    void aPersonNamedAsAnOperatorByAddressManagesTheTeamWithoutARoleClaim() {
        TestUser named = Tokens.user("Ops.By.Address@example.com", "Ops By Address", "UTC");
        String u = TeamApi.unique();

        TeamApi.get(named, "/api/team-members?includeInactive=true").statusCode(200);
        TeamApi.post(named, "/api/team-members", "{\"name\":\"Ops Added " + u + "\",\"email\":\"added." + u + "@example.com\",\"role\":\"Analyst\"}")
                .statusCode(201);
        TeamApi.get(coordinator, "/api/team-members?includeInactive=true").statusCode(403).body("code", equalTo("admin_only"));
    }

    @Test
    void theListIsSortedByNameAndAnotherMembersAddressCannotBeTaken() {
        String u = TeamApi.unique();
        String zed = TeamApi.addMember(admin, "zz " + u, "zz-" + u + "@example.com");
        String amy = TeamApi.addMember(admin, "AA " + u, "aa-" + u + "@example.com");

        List<String> names = TeamApi.get(coordinator, "/api/team-members").statusCode(200).extract().path("name");
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(names.indexOf("AA " + u)).isLessThan(names.indexOf("zz " + u));

        TeamApi.patch(admin, "/api/team-members/" + zed, "{\"email\":\"AA-" + u + "@example.com\"}").statusCode(409)
                .body("code", equalTo("team_member_email_taken"));
        TeamApi.patch(admin, "/api/team-members/" + amy, "{\"email\":\"AA-" + u + "@example.com\"}").statusCode(200)
                .body("email", equalTo("AA-" + u + "@example.com"));
    }

    @Test
    void ofRequestsAddingOneAddressAtOnceTheDatabaseLetsOnePass() throws Exception {
        String u = TeamApi.unique();
        List<java.util.concurrent.Callable<Integer>> adds = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> (java.util.concurrent.Callable<Integer>) () -> TeamApi.post(admin, "/api/team-members",
                                "{\"name\":\"Racer " + i + "\",\"email\":\"racer-" + u + (i % 2 == 0 ? "@example.com" : "@EXAMPLE.com")
                                        + "\",\"role\":\"Analyst\"}")
                        .extract().statusCode())
                .toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : pool.invokeAll(adds)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.count("SELECT count(*) FROM team_member WHERE lower(email) = ?", "racer-" + u + "@example.com")).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'team_member.added' AND after->>'email' ILIKE ?",
                "racer-" + u + "@example.com")).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        long before = Db.count("SELECT count(*) FROM team_member");
        String u = TeamApi.unique();
        TeamApi.post(admin, "/api/team-members", "{\"name\":\"X\",\"email\":\"not-an-address\",\"role\":\"Partner\"}").statusCode(400)
                .body("code", equalTo("invalid_email"));
        TeamApi.post(admin, "/api/team-members", "{\"name\":\"  \",\"email\":\"x-" + u + "@example.com\",\"role\":\"Partner\"}").statusCode(400)
                .body("code", equalTo("invalid_name"));
        TeamApi.post(admin, "/api/team-members", "{\"name\":\"" + "n".repeat(201) + "\",\"email\":\"x-" + u + "@example.com\",\"role\":\"P\"}")
                .statusCode(400).body("code", equalTo("invalid_name"));
        TeamApi.post(admin, "/api/team-members", "{\"name\":\"X\",\"email\":\"x-" + u + "@example.com\",\"role\":\"P\",\"calcomUserId\":\"7\"}")
                .statusCode(400).body("code", equalTo("invalid_field")).body("message", org.hamcrest.Matchers.containsString("calcomUserId"));
        TeamApi.post(admin, "/api/team-members", "{\"name\":\"X\",\"email\":\"x-" + u + "@example.com\",\"role\":\"P\",\"admin\":true}")
                .statusCode(400).body("code", equalTo("unknown_field"));
        assertThat(Db.count("SELECT count(*) FROM team_member")).isEqualTo(before);
    }
}

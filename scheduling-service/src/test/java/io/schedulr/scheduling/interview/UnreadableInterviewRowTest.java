package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.TestConnections;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.List;

import static io.schedulr.scheduling.interview.InterviewApi.draft;
import static io.schedulr.scheduling.interview.InterviewApi.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An interview row the service cannot read back (its guests' JSON spoiled, as by a hand edit or a bad migration) fails
 * alone: the list still shows the person's other interviews, and only reading that one interview fails.
 */
@QuarkusTest
class UnreadableInterviewRowTest {

    @Test
    void oneUnreadableRowIsLeftOutOfTheListAndFailsAloneWhenRead() throws Exception {
        TestUser ada = Tokens.newUser("Ada Unreadable", "UTC");
        String good = draft(ada);
        String spoiled = draft(ada);
        sql("UPDATE interview SET guests = '[{\"name\":' WHERE id = ?::uuid", spoiled);
        try {
            List<String> listed = get(ada, "/api/interviews").statusCode(200).extract().path("id");
            assertThat(listed).contains(good).doesNotContain(spoiled);
            get(ada, "/api/interviews/" + good).statusCode(200);
            get(ada, "/api/interviews/" + spoiled).statusCode(500).body("code", equalTo("internal_error"));
        } finally {
            // Not left for the other tests of this database (an admin's list would log it on every read).
            sql("DELETE FROM interview WHERE id = ?::uuid", spoiled);
        }
    }

    private static void sql(String statement, String id) throws Exception {
        try (PreparedStatement s = TestConnections.to("scheduling").prepareStatement(statement)) {
            s.setString(1, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}

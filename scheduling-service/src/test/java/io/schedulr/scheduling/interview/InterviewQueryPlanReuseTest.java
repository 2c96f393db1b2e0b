package io.schedulr.scheduling.interview;

import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.scheduling.api.QueryPlans;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import static io.schedulr.scheduling.interview.InterviewApi.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending an interview holds its team by address before reading their sessions: that hold once was a native select whose
 * plan Hibernate 7.2 cached under a new key on every execution (QueryPlanReuseTest tells why that matters).
 */
@QuarkusTest
class InterviewQueryPlanReuseTest {
    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Test
    void sendingInterviewsDoesNotAddQueryPlansOnceEachStatementRanOnce() throws Exception {
        InterviewFlowTest.Setup s = InterviewFlowTest.Setup.create();
        send(s.ada(), s.readyDraft(InterviewApi.hoursAhead(40, 9))).statusCode(200);
        int before = QueryPlans.cached(sessionFactory);

        for (int i = 0; i < 10; i++) {
            send(s.ada(), s.readyDraft(InterviewApi.hoursAhead(41 + i, 9))).statusCode(200);
        }

        assertThat(QueryPlans.cached(sessionFactory)).as("cached query plans after 10 more interviews sent").isLessThanOrEqualTo(before + 2);
    }
}

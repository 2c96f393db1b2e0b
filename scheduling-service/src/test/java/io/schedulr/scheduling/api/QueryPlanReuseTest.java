package io.schedulr.scheduling.api;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.schedulr.testsupport.TestUser;
import io.schedulr.testsupport.Tokens;
import jakarta.inject.Inject;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request must reuse the query plans of the statements it runs. A native query mapped to an entity class gets
 * a new plan-cache key per execution in Hibernate 7.2 (its result mapping has no value equality), all with the same
 * hash: the cache then grows by one entry per booking until its limit, and every lookup walks the whole bucket — found
 * by the benchmark (issue 6) as ~18 % of scheduling-service's CPU.
 */
@QuarkusTest
class QueryPlanReuseTest {
    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Test
    void bookingsAndReschedulesDoNotAddQueryPlansOnceEachStatementRanOnce() throws Exception {
        TestUser host = Tokens.newUser("Plan Host", "UTC");
        bookAndReschedule(host, 1);
        int before = cachedPlans();

        for (int i = 0; i < 20; i++) {
            bookAndReschedule(host, 2 + i);
        }

        assertThat(cachedPlans()).as("cached query plans after 20 more bookings and reschedules").isLessThanOrEqualTo(before + 2);
    }

    private static void bookAndReschedule(TestUser host, int days) {
        TestUser guest = Tokens.newUser("Plan Guest " + days, "UTC");
        String room = RoomApi.createRoom(host, days);
        RoomApi.book(guest, room).statusCode(200);
        RoomApi.update(host, Map.of("roomId", room, "datetimeUtc", RoomApi.inDays(days + 30).toString())).statusCode(200);
    }

    /** Hibernate Reactive keeps the ORM factory private; the size of its plan cache is what this test is about. */
    private int cachedPlans() throws ReflectiveOperationException {
        Object reactive = ClientProxy.unwrap(sessionFactory);
        Field delegate = reactive.getClass().getDeclaredField("delegate");
        delegate.setAccessible(true);
        SessionFactoryImplementor factory = (SessionFactoryImplementor) delegate.get(reactive);
        return factory.getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
    }
}

package io.schedulr.scheduling.api;

import io.quarkus.arc.ClientProxy;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.reactive.mutiny.Mutiny;

import java.lang.reflect.Field;

/** The size of Hibernate's query-plan cache, which tests of plan reuse are about. */
public final class QueryPlans {
    private QueryPlans() {
    }

    /** Hibernate Reactive keeps the ORM factory private. */
    public static int cached(Mutiny.SessionFactory sessionFactory) throws ReflectiveOperationException {
        Object reactive = ClientProxy.unwrap(sessionFactory);
        Field delegate = reactive.getClass().getDeclaredField("delegate");
        delegate.setAccessible(true);
        SessionFactoryImplementor factory = (SessionFactoryImplementor) delegate.get(reactive);
        return factory.getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
    }
}

package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.util.function.Supplier;

/**
 * One Hibernate Reactive transaction per use case. A transaction that lost a race (a version check failed) runs
 * again in a fresh session, so the domain rules decide on the state that won; the retry is immediate, on the same
 * event-loop thread Hibernate Reactive requires.
 */
@ApplicationScoped
public class PanacheUnitOfWork implements UnitOfWork {
    static final int MAX_RETRIES = 4;

    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> Panache.withTransaction(work))
                .onFailure(PanacheUnitOfWork::lostRace).retry().atMost(MAX_RETRIES)
                .onFailure(PanacheUnitOfWork::lostRace).transform(e -> new ConcurrentChangeException());
    }

    private static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

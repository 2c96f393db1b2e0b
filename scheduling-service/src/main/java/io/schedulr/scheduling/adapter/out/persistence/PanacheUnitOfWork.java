package io.schedulr.scheduling.adapter.out.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.schedulr.scheduling.application.port.out.UnitOfWork;
import io.schedulr.scheduling.application.port.out.UnstorableValueException;
import io.schedulr.scheduling.domain.ConcurrentChangeException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One Hibernate Reactive transaction per use case. A transaction that lost a race (a version check failed, or PostgreSQL
 * ended it to break a deadlock) runs again in a fresh session, so the domain rules decide on the state that won; the retry is immediate, on the same
 * event-loop thread Hibernate Reactive requires.
 */
@ApplicationScoped
public class PanacheUnitOfWork implements UnitOfWork {
    static final int MAX_RETRIES = 4;

    private final CommittedProfiles profiles;

    PanacheUnitOfWork(CommittedProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> once(work))
                .onFailure(PanacheUnitOfWork::lostRace).retry().atMost(MAX_RETRIES)
                .onFailure(PanacheUnitOfWork::lostRace).transform(e -> new ConcurrentChangeException())
                .onFailure(SqlStates::isRefusedValue).transform(UnstorableValueException::new);
    }

    @Override
    public <T> Uni<T> reading(Supplier<Uni<T>> work) {
        return Panache.withSession(() -> work.get());
    }

    /** One attempt; tells {@link CommittedProfiles} how the transaction of its session ended. */
    private <T> Uni<T> once(Supplier<Uni<T>> work) {
        AtomicReference<Object> session = new AtomicReference<>();
        return Panache.withTransaction(() -> Panache.getSession().invoke(session::set).chain(s -> work.get()))
                .invoke(() -> profiles.committed(session.get()))
                .onFailure().invoke(() -> profiles.discarded(session.get()));
    }

    private static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (SqlStates.isTransientConflict(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

package io.schedulr.calcom.adapter.out.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.schedulr.calcom.application.port.out.Transactions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/** A new JTA transaction around the work; every JDBC connection taken inside it is the transaction's. */
@ApplicationScoped
public class JtaTransactions implements Transactions {
    @Override
    public <T> T call(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }
}

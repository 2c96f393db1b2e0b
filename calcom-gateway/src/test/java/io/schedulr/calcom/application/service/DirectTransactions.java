package io.schedulr.calcom.application.service;

import io.schedulr.calcom.application.port.out.Transactions;

import java.util.function.Supplier;

/** The in-memory ports keep what they are given at once: the work runs as it is, with nothing to commit or roll back. */
enum DirectTransactions implements Transactions {
    INSTANCE;

    @Override
    public <T> T call(Supplier<T> work) {
        return work.get();
    }
}

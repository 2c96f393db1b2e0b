package io.schedulr.calcom.application.port.out;

import java.util.function.Supplier;

/** Runs work in a new database transaction of its own: committed when it returns, rolled back when it throws. */
public interface Transactions {
    <T> T call(Supplier<T> work);

    default void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}

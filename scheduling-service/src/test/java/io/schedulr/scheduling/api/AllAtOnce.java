package io.schedulr.scheduling.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Calls released together, one thread each, as many clients pressing at the same moment: their answers, in order. */
public final class AllAtOnce {
    private AllAtOnce() {
    }

    /** Their HTTP statuses. */
    public static List<Integer> statuses(List<Supplier<Integer>> calls) throws Exception {
        return answers(calls);
    }

    public static <T> List<T> answers(List<Supplier<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (Supplier<T> call : calls) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return call.get();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.stockroom.core.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the same task on several threads at once, so that a check-then-act race would show.
 *
 * <p>Every wait is bounded by {@link #TIMEOUT} for the whole race: a deadlock in the code under
 * test fails the test with an {@link AssertionError} naming the threads still running and where
 * each is stuck, instead of hanging the build.
 */
public final class Race {
    /** How long a whole race may take, starting included, before it counts as stuck. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger RACES = new AtomicInteger();

    private Race() {}

    /**
     * Runs {@code task} on {@code threads} threads released together and returns each one's result.
     *
     * @throws ExecutionException the first failed task's failure, as its cause
     * @throws AssertionError if the race has not ended within {@link #TIMEOUT}
     */
    public static <T> List<T> run(int threads, Callable<T> task) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : settle(threads, task)) {
            results.add(future.get());
        }
        return results;
    }

    /**
     * Runs {@code task} on {@code threads} threads released together and returns, once every one
     * has ended, each one's outcome, for races where some are meant to fail: every future is done,
     * so {@code get()} returns at once, with the result or an {@link ExecutionException} whose
     * cause is the task's failure.
     *
     * @throws AssertionError if the race has not ended within {@link #TIMEOUT}
     */
    public static <T> List<Future<T>> settle(int threads, Callable<T> task) throws InterruptedException {
        return settle(threads, TIMEOUT, task);
    }

    /** {@link #settle(int, Callable)} with another time limit: RaceTest's, to see a stuck race fail fast. */
    static <T> List<Future<T>> settle(int threads, Duration timeout, Callable<T> task) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String name = "race-" + RACES.incrementAndGet() + "-";
        AtomicInteger numbers = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + numbers.incrementAndGet());
            thread.setDaemon(true); // a racer stuck past its interrupt must not keep the JVM alive
            return thread;
        };
        // The threads inside the task right now: the ones to show when the race is stuck.
        Set<Thread> racing = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    if (!start.await(remaining(deadline), TimeUnit.NANOSECONDS)) {
                        throw new IllegalStateException("never started: the other racers did not all get ready");
                    }
                    racing.add(Thread.currentThread());
                    try {
                        return task.call();
                    } finally {
                        racing.remove(Thread.currentThread());
                    }
                }));
            }
            if (!ready.await(remaining(deadline), TimeUnit.NANOSECONDS)) {
                throw stuck(
                        timeout,
                        "only " + (threads - ready.getCount()) + " of " + threads + " threads got ready",
                        racing);
            }
            start.countDown();
            for (Future<T> future : futures) {
                try {
                    future.get(remaining(deadline), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    // The caller reads it from the future.
                } catch (TimeoutException e) {
                    long running = futures.stream().filter(f -> !f.isDone()).count();
                    throw stuck(timeout, running + " of " + threads + " threads still running (a deadlock?)", racing);
                }
            }
            return futures;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** The failure of a race that outlived its time, with the stack of every racer still in the task. */
    private static AssertionError stuck(Duration timeout, String what, Set<Thread> racers) {
        StringBuilder message = new StringBuilder("The race did not end within ")
                .append(timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms")
                .append(": ")
                .append(what)
                .append('.');
        Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        for (Thread racer : racers) {
            StackTraceElement[] stack = stacks.get(racer);
            if (stack == null) {
                continue;
            }
            message.append("\n")
                    .append(racer.getName())
                    .append(" (")
                    .append(racer.getState())
                    .append("):");
            for (StackTraceElement frame : stack) {
                message.append("\n    at ").append(frame);
            }
        }
        return new AssertionError(message.toString());
    }
}

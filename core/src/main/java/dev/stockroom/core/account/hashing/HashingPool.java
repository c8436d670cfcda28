package dev.stockroom.core.account.hashing;

import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.shared.Overloaded;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs another {@link PasswordHasher} on a fixed number of threads behind a bounded queue. Each
 * Argon2id hash takes a core and 19 MiB for tens of milliseconds, so a flood of logins on request
 * threads would take every core and pile up buffers until reads starve and memory runs out; here
 * at most {@code threads} hashes run at once, at most {@code maxWaiting} wait, and one more is
 * refused at once with {@link Overloaded} (the REST edge answers 503 with {@code Retry-After}).
 * The caller's thread waits for its own hash; it is interrupted, the hash is cancelled.
 */
public final class HashingPool implements PasswordHasher, AutoCloseable {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final PasswordHasher hasher;
    private final ThreadPoolExecutor executor;
    private final int threads;
    private final int maxWaiting;

    /**
     * @param hasher     the hasher that does the work
     * @param threads    how many hashes run at once (the number of cores is a good default)
     * @param maxWaiting how many hashes may wait for a thread before the next is refused
     * @param factory    makes the hashing threads (daemon threads, ideally at a lower priority)
     */
    public HashingPool(PasswordHasher hasher, int threads, int maxWaiting, ThreadFactory factory) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(factory, "factory");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("maxWaiting must be at least 1, not " + maxWaiting);
        }
        this.threads = threads;
        this.maxWaiting = maxWaiting;
        this.executor = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(maxWaiting),
                factory,
                new ThreadPoolExecutor.AbortPolicy());
        this.executor.prestartAllCoreThreads();
    }

    /** A pool of daemon threads named {@code password-hashing-N}, at normal priority. */
    public HashingPool(PasswordHasher hasher, int threads, int maxWaiting) {
        this(hasher, threads, maxWaiting, daemonThreads());
    }

    @Override
    public String hash(String password) {
        return run(() -> hasher.hash(password));
    }

    @Override
    public boolean matches(String password, String encodedHash) {
        return run(() -> hasher.matches(password, encodedHash));
    }

    /** The hashes waiting for a thread now. */
    public int waiting() {
        return executor.getQueue().size();
    }

    private <T> T run(Callable<T> task) {
        Future<T> future;
        try {
            future = executor.submit(task);
        } catch (RejectedExecutionException full) {
            throw new Overloaded("Too many passwords being checked at once; try again shortly.", RETRY_AFTER);
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            // The request is going away; its hash is no use to anyone.
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Overloaded("Interrupted while waiting for the password check.", RETRY_AFTER);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Password hashing failed", cause);
        }
    }

    /** Lets the hashes already queued finish, then stops the threads. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "password-hashing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        return hasher + " on " + threads + " thread" + (threads == 1 ? "" : "s") + ", at most " + maxWaiting
                + " waiting";
    }
}

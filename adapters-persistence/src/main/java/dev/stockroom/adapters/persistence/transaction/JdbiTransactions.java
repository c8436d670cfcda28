package dev.stockroom.adapters.persistence.transaction;

import dev.stockroom.core.shared.Conflict;
import dev.stockroom.core.shared.ConflictRetry;
import dev.stockroom.core.shared.StorageUnavailable;
import dev.stockroom.core.shared.Transactions;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleScope;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Transactions} on JDBI's own handle sharing: the outermost {@link #inTransaction} runs the
 * work in {@link Handle#inTransaction} with its handle in the {@link Jdbi}'s {@link HandleScope}
 * (per thread), where {@link Jdbi#withHandle}, and so {@link #withHandle} that every repository of
 * this module goes through, finds it. Nested units and their statements thus share that handle and
 * commit or roll back as one.
 *
 * <p>Added to JDBI: the outermost {@link #inTransaction} repeats the whole unit, as the port says,
 * when the database refuses it for a concurrent transaction ({@link Conflicts}), up to
 * {@link ConflictRetry#attempts()} runs with jittered pauses, even when the work caught the
 * conflict; one DEBUG line per repeat, one WARN line when it gives up with
 * {@link dev.stockroom.core.shared.Overloaded}. JDBI's failures leave as the core's exceptions
 * ({@link StoreErrors}). The handle is opened and closed here, not by {@link Jdbi#inTransaction}:
 * that one closes in a try-with-resources, so a failed close would fail a unit that had committed.
 */
public final class JdbiTransactions implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiTransactions.class);

    private final Jdbi jdbi;
    // One per instance, not static: two JdbiTransactions (two databases) each have their own unit.
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<Unit> unit = new ThreadLocal<>();

    private final ConflictRetry retry;

    public JdbiTransactions(Jdbi jdbi) {
        this(jdbi, ConflictRetry.DEFAULT);
    }

    public JdbiTransactions(Jdbi jdbi, ConflictRetry retry) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * Nested calls join the outer transaction: only the outermost commits. An exception the work
     * throws rolls back and is rethrown unchanged; one that an outer unit of work catches from a
     * nested call does not by itself roll the outer one back.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(work, true);
    }

    @Override
    public <T> T inTransactionOnce(Supplier<T> work) {
        return inTransaction(work, false);
    }

    private <T> T inTransaction(Supplier<T> work, boolean mayRepeat) {
        Unit outer = unit.get();
        if (outer != null) {
            outer.repeatable &= mayRepeat;
            try {
                return work.get();
            } catch (RuntimeException e) {
                throw noted(e);
            }
        }
        Unit current = new Unit(mayRepeat);
        unit.set(current);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return attempt(work, current);
                } catch (RuntimeException e) {
                    // A failure after a conflict the work caught (PostgreSQL refuses every later
                    // statement of an aborted transaction) still means the attempt lost a conflict.
                    Conflict conflict = Conflicts.of(e)
                            .or(() -> Optional.ofNullable(current.conflict))
                            .orElseThrow(() -> e);
                    if (!current.repeatable || attempt >= retry.attempts()) {
                        LOG.warn(
                                "A transaction lost to concurrent ones ({}) {}; answering 503 with Retry-After",
                                Conflicts.describe(conflict),
                                current.repeatable
                                        ? "in each of its " + attempt + " attempts"
                                        : "and may not be repeated");
                        throw ConflictRetry.gaveUp();
                    }
                    Duration pause = retry.pauseAfter(attempt);
                    LOG.debug(
                            "A transaction lost to a concurrent one ({}); attempt {} of {} in {} ms",
                            Conflicts.describe(conflict),
                            attempt + 1,
                            retry.attempts(),
                            pause.toMillis());
                    pause(pause);
                    current.conflict = null;
                }
            }
        } finally {
            unit.remove();
        }
    }

    private <T> T attempt(Supplier<T> work, Unit current) {
        Handle handle = open();
        HandleScope scope = jdbi.getHandleScope();
        // An embedder's own jdbi.withHandle around the unit gets its handle back afterwards.
        HandleSupplier enclosing = scope.get();
        scope.set(handle);
        try {
            // Handle.inTransaction begins, commits, and rolls back on any exception or error.
            return guard(() -> handle.inTransaction(h -> {
                T result = work.get();
                if (current.conflict != null) {
                    // The work caught the conflict and went on, but its transaction was lost all the same.
                    throw current.conflict;
                }
                return result;
            }));
        } finally {
            if (enclosing == null) {
                scope.clear();
            } else {
                scope.set(enclosing);
            }
            close(handle);
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis(), (int) (pause.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ConflictRetry.gaveUp();
        }
    }

    /** The outermost unit of work on this thread. */
    private static final class Unit {
        boolean repeatable;
        // The first conflict a statement of the current attempt failed with, even if the work caught it.
        Conflict conflict;

        Unit(boolean repeatable) {
            this.repeatable = repeatable;
        }
    }

    /**
     * Runs statements on this thread's transaction when one is open, otherwise on a short-lived
     * handle in auto-commit mode. Any JDBI failure the statements let through leaves as the core
     * exception for its cause ({@link StoreErrors}), so no persistence type crosses a port; inside a
     * transaction, one that lost it to a concurrent one leaves as {@link Conflict}.
     */
    public <T> T withHandle(Function<Handle, T> statements) {
        if (unit.get() != null) {
            try {
                // The handle attempt() put in JDBI's scope: Jdbi.withHandle opens none while one is there.
                return guard(() -> jdbi.withHandle(statements::apply));
            } catch (RuntimeException e) {
                throw noted(e);
            }
        }
        Handle own = open();
        try {
            return guard(() -> statements.apply(own));
        } finally {
            close(own);
        }
    }

    /**
     * Runs statements in one transaction, joining this thread's if one is open, as
     * {@code inTransaction(() -> withHandle(statements))}: for a repository whose step takes more
     * than one statement.
     */
    public <T> T inTransaction(Function<Handle, T> statements) {
        return inTransaction(() -> withHandle(statements));
    }

    /** Whether the database answers a trivial query now; never throws. */
    public boolean ping() {
        try {
            return withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one())
                    == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A failure inside the current attempt: a conflict is remembered, since it dooms the attempt. */
    private RuntimeException noted(RuntimeException failure) {
        Optional<Conflict> conflict = Conflicts.of(failure);
        Unit current = unit.get();
        if (conflict.isEmpty() || current == null) {
            return failure;
        }
        if (current.conflict == null) {
            current.conflict = conflict.get();
        }
        return conflict.get();
    }

    private Handle open() {
        try {
            return jdbi.open();
        } catch (JdbiException e) {
            throw new StorageUnavailable("The database could not be reached", e);
        }
    }

    private static void close(Handle handle) {
        try {
            handle.close();
        } catch (JdbiException e) {
            // The statements have already committed or rolled back; a failed close only loses a
            // connection, most often one the driver closed already after a timeout or an I/O error,
            // which the failure itself has reported: no line per request during an outage.
            LOG.debug("Could not close a database handle: {}", e.toString());
        }
    }

    private static <T> T guard(Supplier<T> statements) {
        try {
            return statements.get();
        } catch (JdbiException e) {
            throw StoreErrors.translate(e);
        }
    }
}

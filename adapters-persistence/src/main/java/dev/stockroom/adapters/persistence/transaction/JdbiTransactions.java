package dev.stockroom.adapters.persistence.transaction;

import dev.stockroom.core.shared.StorageUnavailable;
import dev.stockroom.core.shared.Transactions;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Transactions} on one JDBI handle bound to the calling thread for the length of the
 * outermost unit of work. Every repository of this module reaches the database through
 * {@link #withHandle}, so whatever a use case writes inside {@link #inTransaction} shares that
 * handle and commits or rolls back as one.
 */
public final class JdbiTransactions implements Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiTransactions.class);

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> bound = new ThreadLocal<>();

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * Nested calls join the outer transaction: only the outermost commits. An exception the work
     * throws rolls back and is rethrown unchanged; one that an outer unit of work catches from a
     * nested call does not by itself roll the outer one back.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        Handle handle = open();
        bound.set(handle);
        try {
            guard(() -> handle.begin());
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollbackAfter(handle, e);
                throw e;
            }
            guard(() -> handle.commit());
            return result;
        } finally {
            bound.remove();
            close(handle);
        }
    }

    /**
     * Runs statements on this thread's transaction when one is open, otherwise on a short-lived
     * handle in auto-commit mode. Any JDBI failure the statements let through leaves as the core
     * exception for its cause ({@link StoreErrors}), so no persistence type crosses a port.
     */
    public <T> T withHandle(Function<Handle, T> statements) {
        Handle handle = bound.get();
        if (handle != null) {
            return guard(() -> statements.apply(handle));
        }
        Handle own = open();
        try {
            return guard(() -> statements.apply(own));
        } finally {
            close(own);
        }
    }

    /** Whether the database answers a trivial query now; never throws. */
    public boolean ping() {
        try {
            return withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Handle open() {
        try {
            return jdbi.open();
        } catch (JdbiException e) {
            throw new StorageUnavailable("The database could not be reached", e);
        }
    }

    private static void rollbackAfter(Handle handle, Throwable cause) {
        try {
            handle.rollback();
        } catch (JdbiException e) {
            cause.addSuppressed(e);
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

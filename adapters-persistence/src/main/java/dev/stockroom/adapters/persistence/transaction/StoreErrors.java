package dev.stockroom.adapters.persistence.transaction;

import dev.stockroom.core.shared.InvalidData;
import dev.stockroom.core.shared.StorageFault;
import dev.stockroom.core.shared.StorageUnavailable;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;

/**
 * Translates a JDBI failure into the core's exception for its cause, by the SQLSTATE of the
 * {@link SQLException} under it:
 * <ul>
 *   <li>{@link StorageUnavailable} (503): the database cannot be reached or did not answer in
 *       time: class 08 (connection), 57014 (statement timeout, query cancelled), 57P01 to 57P03
 *       (shutting down, cannot connect now), class 53 (out of connections, memory, disk), class 40
 *       (serialization failure, deadlock: the same work may succeed a moment later), class 58 (the
 *       server's own I/O error), H2's HYT00
 *       lock timeout and its "connection broken", "database closed", I/O and "disk full" codes; a failure to get a
 *       connection at all (including a pool that had none free in time), socket timeouts and other
 *       I/O errors;</li>
 *   <li>{@link InvalidData} (400): class 22 (data exception: a value too long, out of range, a
 *       character the database cannot hold such as NUL) and class 23 (integrity constraint), which
 *       validation should have caught first;</li>
 *   <li>{@link StorageFault} (500): anything else, a bug (a missing table, a syntax error).</li>
 * </ul>
 */
public final class StoreErrors {
    /** H2's codes (its SQLSTATE is its error code) for a connection that is gone or a disk that fails. */
    private static final Set<String> H2_GONE = Set.of(
            "90067", // CONNECTION_BROKEN_1
            "90098", // DATABASE_IS_CLOSED
            "90121", // DATABASE_CALLED_AT_SHUTDOWN
            "90020", // DATABASE_ALREADY_OPEN_1 (the file is locked by another process)
            "90135", // DATABASE_IS_IN_EXCLUSIVE_MODE
            "90028", // IO_EXCEPTION_1
            "90031", // IO_EXCEPTION_2
            "90100"); // NO_DISK_SPACE_AVAILABLE

    private static final int MAX_CAUSES = 16;

    private StoreErrors() {}

    /** What the failure means for the caller. */
    public enum Kind {
        UNAVAILABLE,
        INVALID_DATA,
        FAULT
    }

    public static RuntimeException translate(JdbiException e) {
        return switch (classify(e)) {
            case UNAVAILABLE -> new StorageUnavailable("The database failed or could not be reached", e);
            case INVALID_DATA -> new InvalidData("The database refused a value of the request", e);
            case FAULT -> new StorageFault("A database statement failed", e);
        };
    }

    public static Kind classify(Throwable e) {
        if (e instanceof ConnectionException) {
            return Kind.UNAVAILABLE;
        }
        Optional<String> state = sqlState(e);
        if (state.isPresent()) {
            return byState(state.get());
        }
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTimeoutException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof IOException
                    || isPoolExhaustion(cause)) {
                return Kind.UNAVAILABLE;
            }
        }
        return Kind.FAULT;
    }

    static Kind byState(String state) {
        String s = state.toUpperCase(Locale.ROOT);
        // 55P03 lock_not_available: what PostgreSQL's lock_timeout raises, the same "not now" as a
        // statement timeout (57014) or H2's lock timeout (HYT00).
        if (s.startsWith("08")
                || s.startsWith("53")
                || s.startsWith("58")
                || s.startsWith("40")
                || s.equals("57014")
                || s.equals("55P03")
                || s.startsWith("57P")
                || s.startsWith("HYT")
                || H2_GONE.contains(s)) {
            return Kind.UNAVAILABLE;
        }
        if (s.startsWith("22") || s.startsWith("23")) {
            return Kind.INVALID_DATA;
        }
        return Kind.FAULT;
    }

    /** The first SQLSTATE in the cause chain (a driver wraps its own exceptions, JDBI wraps those). */
    private static Optional<String> sqlState(Throwable e) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && !state.isBlank()) {
                    return Optional.of(state);
                }
            }
        }
        return Optional.empty();
    }

    // Tomcat JDBC's pool says it by class (PoolExhaustedException, an SQLException without SQLSTATE)
    // and by message; this module does not depend on the pool, so both are read by name.
    private static boolean isPoolExhaustion(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        String message = String.valueOf(cause.getMessage());
        return name.equals("PoolExhaustedException")
                || (cause instanceof SQLException && message.contains("Timeout: Pool empty"));
    }
}

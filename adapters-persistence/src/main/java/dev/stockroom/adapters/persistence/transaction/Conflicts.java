package dev.stockroom.adapters.persistence.transaction;

import dev.stockroom.core.shared.Conflict;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * Which database failures mean "a concurrent transaction won; this one is lost and may be run
 * again from its start", found anywhere in a failure's cause chain:
 *
 * <ul>
 *   <li>SQLSTATE {@code 40001} serialization_failure: PostgreSQL at REPEATABLE READ or
 *       SERIALIZABLE, CockroachDB, YugabyteDB; H2 uses it for a detected deadlock
 *       ({@code DEADLOCK_1}), after which it has rolled the transaction back;</li>
 *   <li>SQLSTATE {@code 40P01} deadlock_detected (PostgreSQL);</li>
 *   <li>H2's {@code 90131} CONCURRENT_UPDATE_1: another transaction changed the same row (H2's
 *       serialization failure at its higher isolation levels).</li>
 * </ul>
 *
 * <p>Not retried: lock and statement timeouts (H2's {@code HYT00}/50200 LOCK_TIMEOUT_1,
 * PostgreSQL's {@code 55P03} and {@code 57014}). Each attempt already waited the whole timeout,
 * so repeating would multiply the wait of a request against a stuck database; they are the
 * database's answer "not now", not a lost race. Nor the rest of class 40 ({@code 40002},
 * {@code 40003}: an integrity violation at commit, an unknown outcome), which a repeat would not
 * cure or might apply twice.
 */
final class Conflicts {
    private static final Set<String> STATES = Set.of("40001", "40P01");
    private static final String H2_CONCURRENT_UPDATE = "90131";

    private Conflicts() {}

    /** The failure as a {@link Conflict} when it is one (or has one as a cause), else empty. */
    static Optional<Conflict> of(Throwable failure) {
        if (failure instanceof Conflict conflict) {
            return Optional.of(conflict);
        }
        return sqlState(failure)
                .map(state ->
                        new Conflict("The transaction lost to a concurrent one (SQLSTATE " + state + ")", failure));
    }

    /** The SQLSTATE of a conflict for a log line. */
    static String describe(Conflict conflict) {
        return sqlState(conflict).map(state -> "SQLSTATE " + state).orElse(conflict.getMessage());
    }

    private static Optional<String> sqlState(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (STATES.contains(state) || state.equals(H2_CONCURRENT_UPDATE))) {
                    return Optional.of(state);
                }
            }
        }
        return Optional.empty();
    }
}

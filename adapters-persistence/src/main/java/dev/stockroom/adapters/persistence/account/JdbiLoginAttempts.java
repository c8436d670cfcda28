package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.port.out.LoginAttempts;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowViewMapper;

/**
 * Failed logins per login name in {@code login_attempts}. Each attempt is counted by one
 * statement that reads and writes the row under its lock, so concurrent attempts on every
 * instance each count.
 */
public final class JdbiLoginAttempts implements LoginAttempts {
    // A new window starts when the old one has passed or a lockout has ended.
    private static final String STALE = "(window_started_at <= :window_cutoff OR blocked_until <= :now)";
    private static final String NEW_COUNT = "(CASE WHEN " + STALE + " THEN 1 ELSE failures + 1 END)";
    private static final String COUNT_ATTEMPT = """
            UPDATE login_attempts
            SET failures = %1$s,
                window_started_at = CASE WHEN %2$s THEN :now ELSE window_started_at END,
                blocked_until = CASE WHEN %1$s >= :max_failures
                                     THEN CAST(:lockout_end AS TIMESTAMP WITH TIME ZONE) ELSE NULL END
            WHERE login_key = :login_key
            """.formatted(NEW_COUNT, STALE);
    private static final RowViewMapper<Failures> FAILURES = row -> new Failures(
            row.getColumn("failures", Integer.class),
            Optional.ofNullable(row.getColumn("blocked_until", Instant.class)));

    private final JdbiTransactions db;

    public JdbiLoginAttempts(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<Instant> blockedUntil(String key, Instant now) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT blocked_until FROM login_attempts WHERE login_key = :login_key AND blocked_until > :now
                        """)
                .bind("login_key", key)
                .bind("now", now)
                .mapTo(Instant.class)
                .findOne());
    }

    /**
     * The conditional update counts the attempt when the row exists; the first attempt inserts it.
     * Of two concurrent first attempts one insert wins through the primary key and the other
     * counts by the update after all. The row stays locked until the transaction ends, so the
     * read that follows sees this attempt's count and no other.
     */
    @Override
    public Failures claimAttempt(String key, Instant now, LoginThrottle throttle) {
        return db.inTransaction(() -> db.withHandle(h -> {
            if (countAttempt(h, key, now, throttle) == 0 && !insertFirst(h, key, now, throttle)) {
                countAttempt(h, key, now, throttle);
            }
            return h.createQuery("""
                            SELECT failures, blocked_until FROM login_attempts WHERE login_key = :login_key
                            """)
                    .bind("login_key", key)
                    .map(FAILURES)
                    .one();
        }));
    }

    @Override
    public void clear(String key) {
        db.withHandle(h -> h.createUpdate("DELETE FROM login_attempts WHERE login_key = :login_key")
                .bind("login_key", key)
                .execute());
    }

    /**
     * Races with counting lose nothing that matters: on PostgreSQL a delete that meets a row an
     * attempt is counting waits for its lock and re-checks the row, which is fresh by then; a row
     * deleted first makes the attempt insert it anew, at a count of 1 as the stale row would have.
     */
    @Override
    public int purgeStale(Instant now, LoginThrottle throttle) {
        return db.withHandle(h -> h.createUpdate("""
                        DELETE FROM login_attempts
                        WHERE blocked_until <= :now OR (blocked_until IS NULL AND window_started_at <= :window_cutoff)
                        """)
                .bind("now", now)
                .bind("window_cutoff", now.minus(throttle.window()))
                .execute());
    }

    private static int countAttempt(Handle h, String key, Instant now, LoginThrottle throttle) {
        return h.createUpdate(COUNT_ATTEMPT)
                .bind("login_key", key)
                .bind("now", now)
                .bind("window_cutoff", now.minus(throttle.window()))
                .bind("max_failures", throttle.maxFailures())
                .bind("lockout_end", now.plus(throttle.lockout()))
                .execute();
    }

    /** False when a concurrent first attempt inserted the row first. */
    private static boolean insertFirst(Handle h, String key, Instant now, LoginThrottle throttle) {
        Instant lockoutEnd = throttle.maxFailures() == 1 ? now.plus(throttle.lockout()) : null;
        return h.createUpdate("""
                        INSERT INTO login_attempts (login_key, failures, window_started_at, blocked_until)
                        VALUES (:login_key, 1, :now, :blocked_until)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("login_key", key)
                .bind("now", now)
                .bindByType("blocked_until", lockoutEnd, Instant.class)
                .execute() == 1;
    }
}

package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.row.Columns;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.port.out.LoginAttempts;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowViewMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Failed logins and password checks in flight per login name in {@code login_attempts}. Each step
 * is one statement that reads and writes the row under its lock, so concurrent logins on every
 * instance each see the others' effect; every statement updates or inserts, none deletes, so a
 * row never vanishes under a concurrent step (housekeeping deletes only rows with no check in
 * flight).
 */
public final class JdbiLoginAttempts implements LoginAttempts {
    // The failures no longer count: the window of the first has passed, or the lockout has ended.
    private static final String STALE = "(window_started_at <= :window_cutoff OR blocked_until <= :now)";
    private static final String FAILURES_NOW = "(CASE WHEN " + STALE + " THEN 0 ELSE failures END)";
    private static final String IN_FLIGHT_NOW = "(CASE WHEN in_flight_until > :now THEN in_flight ELSE 0 END)";
    private static final String RELEASED = "(CASE WHEN in_flight > 0 THEN in_flight - 1 ELSE 0 END)";
    private static final String CLAIM = """
            UPDATE login_attempts
            SET failures = %1$s,
                window_started_at = CASE WHEN %2$s THEN :now ELSE window_started_at END,
                blocked_until = CASE WHEN %2$s THEN NULL ELSE blocked_until END,
                in_flight = %3$s + 1,
                in_flight_until = :lease_end
            WHERE login_key = :login_key
              AND (blocked_until IS NULL OR blocked_until <= :now)
              AND %1$s + %3$s < :max_failures
            """.formatted(FAILURES_NOW, STALE, IN_FLIGHT_NOW);
    // Whether every place is taken now, by the same reckoning as CLAIM.
    private static final String STATE = """
            SELECT blocked_until, %1$s + %2$s >= :max_failures AS all_taken
            FROM login_attempts WHERE login_key = :login_key
            """.formatted(FAILURES_NOW, IN_FLIGHT_NOW);
    private static final String NEW_COUNT = "(" + FAILURES_NOW + " + 1)";
    private static final String FAIL = """
            UPDATE login_attempts
            SET failures = %1$s,
                window_started_at = CASE WHEN %2$s = 0 THEN :now ELSE window_started_at END,
                blocked_until = CASE WHEN %1$s >= :max_failures THEN CAST(:lockout_end AS TIMESTAMP WITH TIME ZONE)
                                     WHEN %3$s THEN NULL ELSE blocked_until END,
                in_flight = %4$s
            WHERE login_key = :login_key
            """.formatted(NEW_COUNT, FAILURES_NOW, STALE, RELEASED);
    private static final RowViewMapper<Failures> FAILURES = row -> new Failures(
            row.getColumn("failures", Integer.class),
            Optional.ofNullable(row.getColumn("blocked_until", Instant.class)));

    private final JdbiTransactions db;

    public JdbiLoginAttempts(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<Instant> blockedUntil(String key, Instant now) {
        return db.withHandle(h -> blockedUntil(h, key, now));
    }

    /**
     * The conditional update takes a place when the row exists and has one free; the first claim
     * for a name inserts the row. Neither happening means the name is locked out or full, or a
     * concurrent first claim inserted the row (or a settle freed a place meanwhile): busy, and the
     * caller asks again after a pause.
     */
    @Override
    public Claim claim(String key, Instant now, LoginThrottle throttle) {
        return db.withHandle(h -> {
            // A few rounds at most: a round ends undecided only when a concurrent step changed the
            // row between its statements (a first claim inserted it, a check freed a place).
            for (int round = 0; round < 3; round++) {
                if (bindClaim(h.createUpdate(CLAIM), key, now, throttle).execute() == 1) {
                    return Claim.granted();
                }
                // Asked before trying an insert, so that a name whose places are all taken (the
                // common case here: its waiting logins ask again) costs one statement more, not two.
                Optional<RowState> row = bindClaim(h.createQuery(STATE), key, now, throttle)
                        .map((rs, ctx) -> new RowState(Columns.instant(rs, "blocked_until"),
                                rs.getBoolean("all_taken")))
                        .findOne();
                if (row.isPresent()) {
                    Instant blockedUntil = row.get().blockedUntil();
                    if (blockedUntil != null && now.isBefore(blockedUntil)) {
                        return Claim.blocked(blockedUntil);
                    }
                    if (row.get().allTaken()) {
                        return Claim.busy();
                    }
                } else if (insert(h, key, 0, now, null, 1, now.plus(CHECK_LEASE))) {
                    return Claim.granted();
                }
            }
            return Claim.busy();
        });
    }

    private static <S extends SqlStatement<S>> S bindClaim(S statement, String key, Instant now,
            LoginThrottle throttle) {
        return statement
                .bind("login_key", key)
                .bind("now", now)
                .bind("window_cutoff", now.minus(throttle.window()))
                .bind("max_failures", throttle.maxFailures())
                .bind("lease_end", now.plus(CHECK_LEASE));
    }

    private record RowState(Instant blockedUntil, boolean allTaken) {
    }

    /**
     * Counts by the update when the row exists (it always does after a granted claim, unless
     * housekeeping removed it after a lease ran out) and inserts it otherwise; of two concurrent
     * inserts one wins through the primary key and the other counts by the update after all. The
     * row stays locked until the transaction ends, so the read that follows sees this failure's
     * count and no other.
     */
    @Override
    public Failures failed(String key, Instant now, LoginThrottle throttle) {
        return db.inTransaction(() -> db.withHandle(h -> {
            if (countFailure(h, key, now, throttle) == 0) {
                Instant lockoutEnd = throttle.maxFailures() == 1 ? now.plus(throttle.lockout()) : null;
                if (!insert(h, key, 1, now, lockoutEnd, 0, null)) {
                    countFailure(h, key, now, throttle);
                }
            }
            return h.createQuery("SELECT failures, blocked_until FROM login_attempts WHERE login_key = :login_key")
                    .bind("login_key", key)
                    .map(FAILURES)
                    .one();
        }));
    }

    @Override
    public void succeeded(String key, Instant now) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE login_attempts
                        SET failures = 0, window_started_at = :now, blocked_until = NULL, in_flight = %s
                        WHERE login_key = :login_key
                        """.formatted(RELEASED))
                .bind("login_key", key)
                .bind("now", now)
                .execute());
    }

    @Override
    public void abandoned(String key, Instant now) {
        db.withHandle(h -> h.createUpdate("UPDATE login_attempts SET in_flight = %s WHERE login_key = :login_key"
                        .formatted(RELEASED))
                .bind("login_key", key)
                .execute());
    }

    /**
     * Races with counting lose nothing that matters: on PostgreSQL a delete that meets a row a
     * claim or failure is writing waits for its lock and re-checks the row, which then has a check
     * in flight or a fresh failure; a row deleted first makes the next step insert it anew, at the
     * count the stale row would have given.
     */
    @Override
    public int purgeStale(Instant now, LoginThrottle throttle) {
        return db.withHandle(h -> h.createUpdate("""
                        DELETE FROM login_attempts
                        WHERE (in_flight = 0 OR in_flight_until <= :now)
                          AND (blocked_until <= :now OR (blocked_until IS NULL AND window_started_at <= :window_cutoff))
                        """)
                .bind("now", now)
                .bind("window_cutoff", now.minus(throttle.window()))
                .execute());
    }

    private static Optional<Instant> blockedUntil(Handle h, String key, Instant now) {
        return h.createQuery("""
                        SELECT blocked_until FROM login_attempts WHERE login_key = :login_key AND blocked_until > :now
                        """)
                .bind("login_key", key)
                .bind("now", now)
                .mapTo(Instant.class)
                .findOne();
    }

    private static int countFailure(Handle h, String key, Instant now, LoginThrottle throttle) {
        return h.createUpdate(FAIL)
                .bind("login_key", key)
                .bind("now", now)
                .bind("window_cutoff", now.minus(throttle.window()))
                .bind("max_failures", throttle.maxFailures())
                .bind("lockout_end", now.plus(throttle.lockout()))
                .execute();
    }

    /** False when a concurrent step inserted the row first. */
    private static boolean insert(Handle h, String key, int failures, Instant windowStart, Instant blockedUntil,
            int inFlight, Instant inFlightUntil) {
        return h.createUpdate("""
                        INSERT INTO login_attempts
                            (login_key, failures, window_started_at, blocked_until, in_flight, in_flight_until)
                        VALUES (:login_key, :failures, :window_started_at, :blocked_until, :in_flight, :in_flight_until)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("login_key", key)
                .bind("failures", failures)
                .bind("window_started_at", windowStart)
                .bindByType("blocked_until", blockedUntil, Instant.class)
                .bind("in_flight", inFlight)
                .bindByType("in_flight_until", inFlightUntil, Instant.class)
                .execute() == 1;
    }
}

package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.row.Columns;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.port.out.LoginAttempts;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Failed logins and password checks in flight per key in {@code login_attempts}. Each step is one
 * statement that reads and writes the row under its lock, so concurrent logins on every instance
 * each see the others' effect; every statement updates or inserts, none deletes, so a row never
 * vanishes under a concurrent step (housekeeping deletes only rows with no check in flight).
 *
 * <p>{@code last_failure_at} is the time of the latest failure (null with none); the failures are
 * forgotten {@link LoginThrottle#memory()} after it. {@code blocked_until} is the end of the delay
 * the latest failure set, if it set one; a delay that has ended forgets nothing.
 */
public final class JdbiLoginAttempts implements LoginAttempts {
    // The statements are written out whole; the same expressions recur in them:
    //   (last_failure_at <= :memory_cutoff): the failures no longer count, the last was longer ago
    //     than the throttle remembers;
    //   (CASE WHEN (last_failure_at <= :memory_cutoff) THEN 0 ELSE failures END): the failures that count now;
    //   (CASE WHEN in_flight_until > :now THEN in_flight ELSE 0 END): the checks in flight now;
    //   GREATEST(1, :free_failures - <the failures that count now>): LoginThrottle.places(failures), as SQL;
    //   (CASE WHEN in_flight > 0 THEN in_flight - 1 ELSE 0 END): in flight after one check gave its place back.
    private static final String CLAIM = """
            UPDATE login_attempts
            SET failures = (CASE WHEN (last_failure_at <= :memory_cutoff) THEN 0 ELSE failures END),
                last_failure_at = CASE WHEN (last_failure_at <= :memory_cutoff) THEN NULL ELSE last_failure_at END,
                blocked_until = CASE WHEN (last_failure_at <= :memory_cutoff) THEN NULL ELSE blocked_until END,
                in_flight = (CASE WHEN in_flight_until > :now THEN in_flight ELSE 0 END) + 1,
                in_flight_until = :lease_end
            WHERE login_key = :login_key
              AND (blocked_until IS NULL OR blocked_until <= :now)
              AND (CASE WHEN in_flight_until > :now THEN in_flight ELSE 0 END)
                  < GREATEST(1, :free_failures - (CASE WHEN (last_failure_at <= :memory_cutoff) THEN 0 ELSE failures END))
            """;
    // Whether every place is taken now, by the same reckoning as CLAIM.
    private static final String STATE = """
            SELECT blocked_until,
                   (CASE WHEN in_flight_until > :now THEN in_flight ELSE 0 END)
                   >= GREATEST(1, :free_failures - (CASE WHEN (last_failure_at <= :memory_cutoff) THEN 0 ELSE failures END))
                   AS all_taken
            FROM login_attempts WHERE login_key = :login_key
            """;
    // Counts the failure and clears the previous failure's delay; the new count's delay, which
    // depends on the count the row holds, is written next in the same transaction.
    private static final String FAIL = """
            UPDATE login_attempts
            SET failures = (CASE WHEN (last_failure_at <= :memory_cutoff) THEN 0 ELSE failures END) + 1,
                last_failure_at = :now,
                blocked_until = NULL,
                in_flight = (CASE WHEN in_flight > 0 THEN in_flight - 1 ELSE 0 END)
            WHERE login_key = :login_key
            """;

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
     * for a key inserts the row. Neither happening means the key's delay runs or its places are
     * full, or a concurrent first claim inserted the row (or a settle freed a place meanwhile):
     * busy, and the caller asks again after a pause.
     */
    @Override
    public Claim claim(String key, Instant now, LoginThrottle throttle) {
        return db.withHandle(h -> {
            // A few rounds at most: a round ends undecided only when a concurrent step changed the
            // row between its statements (a first claim inserted it, a check freed a place).
            for (int round = 0; round < 3; round++) {
                if (bind(h.createUpdate(CLAIM), key, now, throttle).execute() == 1) {
                    return Claim.granted();
                }
                // Asked before trying an insert, so that a key whose places are all taken (the
                // common case here: its waiting logins ask again) costs one statement more, not two.
                Optional<RowState> row = bind(h.createQuery(STATE), key, now, throttle)
                        .map((rs, ctx) ->
                                new RowState(Columns.instant(rs, "blocked_until"), rs.getBoolean("all_taken")))
                        .findOne();
                if (row.isPresent()) {
                    Instant blockedUntil = row.get().blockedUntil();
                    if (blockedUntil != null && now.isBefore(blockedUntil)) {
                        return Claim.blocked(blockedUntil);
                    }
                    if (row.get().allTaken()) {
                        return Claim.busy();
                    }
                } else if (insert(h, key, 0, null, null, 1, now.plus(CHECK_LEASE))) {
                    return Claim.granted();
                }
            }
            return Claim.busy();
        });
    }

    private static <S extends SqlStatement<S>> S bind(S statement, String key, Instant now, LoginThrottle throttle) {
        return statement
                .bind("login_key", key)
                .bind("now", now)
                .bind("memory_cutoff", now.minus(throttle.memory()))
                .bind("free_failures", throttle.freeFailures())
                .bind("lease_end", now.plus(CHECK_LEASE));
    }

    private record RowState(Instant blockedUntil, boolean allTaken) {}

    /**
     * Counts by the update when the row exists (it always does after a granted claim, unless
     * housekeeping removed it after a lease ran out) and inserts it otherwise; of two concurrent
     * inserts one wins through the primary key and the other counts by the update after all. The
     * row stays locked until the transaction ends, so the read that follows sees this failure's
     * count and no other, and the delay written after it is the one for that count: no concurrent
     * step sees the row between the two writes.
     */
    @Override
    public Failures failed(String key, Instant now, LoginThrottle throttle) {
        return db.inTransaction(h -> {
            if (countFailure(h, key, now, throttle) == 0) {
                Instant firstDelayEnd = throttle.delayAfter(1).map(now::plus).orElse(null);
                if (insert(h, key, 1, now, firstDelayEnd, 0, null)) {
                    return new Failures(1, Optional.ofNullable(firstDelayEnd));
                }
                countFailure(h, key, now, throttle);
            }
            int count = h.createQuery("SELECT failures FROM login_attempts WHERE login_key = :login_key")
                    .bind("login_key", key)
                    .mapTo(Integer.class)
                    .one();
            Optional<Instant> blockedUntil = throttle.delayAfter(count).map(now::plus);
            blockedUntil.ifPresent(until -> h.createUpdate("""
                            UPDATE login_attempts SET blocked_until = :blocked_until WHERE login_key = :login_key
                            """)
                    .bind("login_key", key)
                    .bind("blocked_until", until)
                    .execute());
            return new Failures(count, blockedUntil);
        });
    }

    @Override
    public void succeeded(String key, Instant now) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE login_attempts
                        SET failures = 0, last_failure_at = NULL, blocked_until = NULL,
                            in_flight = (CASE WHEN in_flight > 0 THEN in_flight - 1 ELSE 0 END)
                        WHERE login_key = :login_key
                        """).bind("login_key", key).execute());
    }

    @Override
    public void abandoned(String key, Instant now) {
        db.withHandle(h -> h.createUpdate("""
                        UPDATE login_attempts SET in_flight = (CASE WHEN in_flight > 0 THEN in_flight - 1 ELSE 0 END)
                        WHERE login_key = :login_key
                        """).bind("login_key", key).execute());
    }

    /** Clears each key's count and delay; the places of checks in flight are theirs to give back. */
    @Override
    public void forget(Collection<String> keys) {
        List<String> distinct = keys.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return;
        }
        // One statement per key, not IN (<keys>): the service runs JDBI with TemplateEngine.NOP (no
        // <list> expansion), and an account has a couple of keys, one per device beyond that.
        db.withHandle(h -> {
            for (String key : distinct) {
                h.createUpdate("""
                                UPDATE login_attempts SET failures = 0, last_failure_at = NULL, blocked_until = NULL
                                WHERE login_key = :login_key
                                """).bind("login_key", key).execute();
            }
            return null;
        });
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
                        WHERE (in_flight = 0 OR in_flight_until IS NULL OR in_flight_until <= :now)
                          AND (blocked_until IS NULL OR blocked_until <= :now)
                          AND (failures = 0 OR last_failure_at IS NULL OR last_failure_at <= :memory_cutoff)
                        """)
                .bind("now", now)
                .bind("memory_cutoff", now.minus(throttle.memory()))
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
                .bind("memory_cutoff", now.minus(throttle.memory()))
                .execute();
    }

    /** False when a concurrent step inserted the row first. */
    private static boolean insert(
            Handle h,
            String key,
            int failures,
            Instant lastFailureAt,
            Instant blockedUntil,
            int inFlight,
            Instant inFlightUntil) {
        return h.createUpdate("""
                        INSERT INTO login_attempts
                            (login_key, failures, last_failure_at, blocked_until, in_flight, in_flight_until)
                        VALUES (:login_key, :failures, :last_failure_at, :blocked_until, :in_flight, :in_flight_until)
                        ON CONFLICT DO NOTHING
                        """)
                        .bind("login_key", key)
                        .bind("failures", failures)
                        .bindByType("last_failure_at", lastFailureAt, Instant.class)
                        .bindByType("blocked_until", blockedUntil, Instant.class)
                        .bind("in_flight", inFlight)
                        .bindByType("in_flight_until", inFlightUntil, Instant.class)
                        .execute()
                == 1;
    }
}

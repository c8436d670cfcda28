package dev.stockroom.adapters.persistence.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.shared.Conflict;
import dev.stockroom.core.shared.ConflictRetry;
import dev.stockroom.core.shared.Overloaded;
import dev.stockroom.core.shared.StorageUnavailable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real conflicts on the databases themselves: two SERIALIZABLE transactions in a write skew
 * (SQLSTATE 40001) and two that lock rows in opposite orders (40P01 on PostgreSQL, 40001 on H2),
 * coordinated with latches so the conflict is certain; and conflicts raised by PostgreSQL on
 * demand, to count attempts exactly. The rules shared with the other stores are in
 * {@code TransactionsContract}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdbiTransactionsConflictTest {
    private static final TestDatabase POSTGRES = TestDatabases.blankPostgres();
    private static final TestDatabase H2 = TestDatabases.blankH2();
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    static {
        for (TestDatabase database : List.of(POSTGRES, H2)) {
            database.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE cells (id VARCHAR(64) PRIMARY KEY, n INT NOT NULL)");
                h.execute("CREATE TABLE effects (unit VARCHAR(64) NOT NULL)");
            });
        }
    }

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @Test
    void a_serialization_failure_on_postgres_repeats_the_loser_and_both_commit_once() throws Exception {
        JdbiTransactions transactions = new JdbiTransactions(POSTGRES.jdbi());
        String a = cell(transactions, 0);
        String b = cell(transactions, 0);
        CountDownLatch bothRead = new CountDownLatch(2);
        AtomicInteger attemptsOfA = new AtomicInteger();
        AtomicInteger attemptsOfB = new AtomicInteger();

        // Write skew: each reads the other's cell and writes its own. Both read before either
        // writes, so SERIALIZABLE must refuse one of them.
        Future<Integer> first = THREADS.submit(() -> skew(transactions, a, b, attemptsOfA, bothRead));
        Future<Integer> second = THREADS.submit(() -> skew(transactions, b, a, attemptsOfB, bothRead));
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        // Usually 3: the loser runs twice. Under load its repeat can meet the winner before the
        // winner's commit and conflict again, so only "repeated at least once" is certain.
        assertThat(attemptsOfA.get() + attemptsOfB.get()).isGreaterThanOrEqualTo(3);
        // As if one ran after the other: the first wrote 1; the second read that 1 and wrote 2.
        assertThat(List.of(value(transactions, a), value(transactions, b))).containsExactlyInAnyOrder(1, 2);
        assertThat(effects(transactions, a)).isEqualTo(1);
        assertThat(effects(transactions, b)).isEqualTo(1);
    }

    @Test
    void a_deadlock_on_postgres_repeats_the_victim_and_both_commit_once() throws Exception {
        // Only one side looks for the deadlock soon, so exactly one is its victim: with equal
        // timeouts, both checks may run before the first victim's locks are gone, and both lose.
        deadlock(
                new JdbiTransactions(POSTGRES.jdbi()),
                "SET LOCAL deadlock_timeout = '50ms'",
                "SET LOCAL deadlock_timeout = '20s'");
    }

    @Test
    void a_deadlock_on_h2_repeats_the_victim_and_both_commit_once() throws Exception {
        // H2 may find the cycle from both sides at once and make both its victims.
        deadlock(new JdbiTransactions(H2.jdbi()), null, null);
    }

    @Test
    void gives_up_after_the_configured_attempts_with_overloaded() {
        JdbiTransactions transactions = new JdbiTransactions(POSTGRES.jdbi());
        String unit = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.run(() -> {
                    attempts.incrementAndGet();
                    effect(transactions, unit);
                    raise(transactions, "serialization_failure");
                }))
                .isInstanceOf(Overloaded.class);

        assertThat(attempts).hasValue(ConflictRetry.DEFAULT.attempts());
        assertThat(effects(transactions, unit)).isZero();
    }

    @Test
    void repeats_a_deadlock_raised_at_the_first_attempt_and_commits_once() {
        JdbiTransactions transactions = new JdbiTransactions(POSTGRES.jdbi());
        String unit = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();

        transactions.run(() -> {
            effect(transactions, unit);
            if (attempts.incrementAndGet() == 1) {
                raise(transactions, "deadlock_detected");
            }
        });

        assertThat(attempts).hasValue(2);
        assertThat(effects(transactions, unit)).isEqualTo(1);
    }

    @Test
    void never_repeats_other_database_failures_a_lock_timeout_included() {
        JdbiTransactions transactions = new JdbiTransactions(POSTGRES.jdbi());
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> transactions.run(() -> {
                    attempts.incrementAndGet();
                    raise(transactions, "lock_not_available");
                }))
                .isInstanceOf(StorageUnavailable.class);

        assertThat(attempts).hasValue(1);
    }

    @Test
    void repeats_a_unit_that_caught_the_conflict_of_its_statement_and_went_on() {
        JdbiTransactions transactions = new JdbiTransactions(POSTGRES.jdbi());
        String unit = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();

        transactions.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                try {
                    raise(transactions, "serialization_failure");
                } catch (Conflict expected) {
                    // A statement's conflict reaches the work as the core's Conflict, never a JDBI type.
                }
            }
            effect(transactions, unit);
        });

        assertThat(attempts).hasValue(2);
        assertThat(effects(transactions, unit)).isEqualTo(1);
    }

    @Test
    void repeats_a_unit_that_failed_on_its_own_after_it_caught_a_conflict() {
        JdbiTransactions transactions = new JdbiTransactions(POSTGRES.jdbi());
        String unit = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();

        transactions.run(() -> {
            if (attempts.incrementAndGet() == 1) {
                try {
                    raise(transactions, "serialization_failure");
                } catch (Conflict ignored) {
                    // Whatever fails next, the attempt is lost to the conflict.
                }
                throw new IllegalStateException("a failure of the work's own after the conflict");
            }
            effect(transactions, unit);
        });

        assertThat(attempts).hasValue(2);
        assertThat(effects(transactions, unit)).isEqualTo(1);
    }

    @Test
    void a_nested_unit_does_not_repeat_alone_and_a_unit_run_once_is_not_repeated() {
        JdbiTransactions transactions = new JdbiTransactions(POSTGRES.jdbi());
        String unit = UUID.randomUUID().toString();
        AtomicInteger outer = new AtomicInteger();
        AtomicInteger inner = new AtomicInteger();

        transactions.run(() -> {
            outer.incrementAndGet();
            effect(transactions, unit);
            transactions.run(() -> {
                if (inner.incrementAndGet() == 1) {
                    raise(transactions, "serialization_failure");
                }
            });
        });
        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> transactions.runOnce(() -> {
                    once.incrementAndGet();
                    raise(transactions, "serialization_failure");
                }))
                .isInstanceOf(Overloaded.class);

        assertThat(outer).hasValue(2);
        assertThat(inner).hasValue(2);
        assertThat(effects(transactions, unit)).isEqualTo(1);
        assertThat(once).hasValue(1);
    }

    /** Two units lock two cells in opposite orders, each waiting until the other holds its first. */
    private static void deadlock(JdbiTransactions transactions, String setUpA, String setUpB) throws Exception {
        String a = cell(transactions, 0);
        String b = cell(transactions, 0);
        CountDownLatch bothLocked = new CountDownLatch(2);
        AtomicInteger attemptsOfA = new AtomicInteger();
        AtomicInteger attemptsOfB = new AtomicInteger();

        Future<?> first = THREADS.submit(() -> crossLock(transactions, setUpA, a, b, attemptsOfA, bothLocked));
        Future<?> second = THREADS.submit(() -> crossLock(transactions, setUpB, b, a, attemptsOfB, bothLocked));
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        if (setUpA != null) {
            assertThat(attemptsOfA).as("the victim").hasValue(2);
            assertThat(attemptsOfB).as("the other").hasValue(1);
        } else {
            assertThat(attemptsOfA.get() + attemptsOfB.get()).isGreaterThanOrEqualTo(3);
        }
        assertThat(value(transactions, a)).isEqualTo(2);
        assertThat(value(transactions, b)).isEqualTo(2);
        assertThat(effects(transactions, a)).isEqualTo(1);
        assertThat(effects(transactions, b)).isEqualTo(1);
    }

    private static Void crossLock(
            JdbiTransactions transactions,
            String setUp,
            String mine,
            String other,
            AtomicInteger attempts,
            CountDownLatch bothLocked) {
        transactions.run(() -> {
            boolean first = attempts.incrementAndGet() == 1;
            if (setUp != null) {
                transactions.withHandle(h -> h.execute(setUp));
            }
            increment(transactions, mine);
            if (first) {
                await(bothLocked);
            }
            increment(transactions, other);
            effect(transactions, mine);
        });
        return null;
    }

    private static int skew(
            JdbiTransactions transactions, String mine, String other, AtomicInteger attempts, CountDownLatch bothRead) {
        return transactions.inTransaction(() -> {
            boolean first = attempts.incrementAndGet() == 1;
            transactions.withHandle(h -> h.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
            int seen = value(transactions, other);
            if (first) {
                await(bothRead);
            }
            transactions.withHandle(h -> h.createUpdate("UPDATE cells SET n = :n WHERE id = :id")
                    .bind("n", seen + 1)
                    .bind("id", mine)
                    .execute());
            effect(transactions, mine);
            return seen + 1;
        });
    }

    private static void await(CountDownLatch latch) {
        latch.countDown();
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The other transaction never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cell(JdbiTransactions transactions, int n) {
        String id = UUID.randomUUID().toString();
        transactions.withHandle(h -> h.createUpdate("INSERT INTO cells (id, n) VALUES (:id, :n)")
                .bind("id", id)
                .bind("n", n)
                .execute());
        return id;
    }

    private static void increment(JdbiTransactions transactions, String id) {
        transactions.withHandle(h -> h.createUpdate("UPDATE cells SET n = n + 1 WHERE id = :id")
                .bind("id", id)
                .execute());
    }

    private static int value(JdbiTransactions transactions, String id) {
        return transactions.withHandle(h -> h.createQuery("SELECT n FROM cells WHERE id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one());
    }

    private static void effect(JdbiTransactions transactions, String unit) {
        transactions.withHandle(h -> h.createUpdate("INSERT INTO effects (unit) VALUES (:unit)")
                .bind("unit", unit)
                .execute());
    }

    private static int effects(JdbiTransactions transactions, String unit) {
        return transactions.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM effects WHERE unit = :unit")
                .bind("unit", unit)
                .mapTo(Integer.class)
                .one());
    }

    /** PostgreSQL fails the statement with the named condition, as if it had found it. */
    private static void raise(JdbiTransactions transactions, String condition) {
        transactions.withHandle(h -> h.execute(
                "DO $$ BEGIN RAISE EXCEPTION 'raised by the test' USING ERRCODE = '" + condition + "'; END $$"));
    }
}

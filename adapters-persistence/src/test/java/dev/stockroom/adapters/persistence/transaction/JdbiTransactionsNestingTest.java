package dev.stockroom.adapters.persistence.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.shared.Conflict;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * How {@link JdbiTransactions} rides on JDBI's own handle sharing: a unit's handle sits in the
 * {@link Jdbi}'s handle scope, so nested units and every statement inside them get that one
 * handle and its one transaction, which only the outermost commits; the scope is left as it was
 * found after each unit, and each repeat of a unit starts on a fresh handle. The port's rules
 * are in {@code TransactionsContract}.
 */
class JdbiTransactionsNestingTest {

    abstract static class OnADatabase {
        private final TestDatabase database = database();
        private final Jdbi jdbi = database.jdbi();
        private final JdbiTransactions transactions = new JdbiTransactions(jdbi);

        abstract TestDatabase database();

        OnADatabase() {
            jdbi.useHandle(h -> h.execute("CREATE TABLE notes (id VARCHAR(64) PRIMARY KEY)"));
        }

        @Test
        void nested_units_run_on_the_handle_of_the_outermost_in_its_transaction() {
            List<Handle> seen = new ArrayList<>();

            transactions.run(() -> {
                seen.add(transactions.withHandle(h -> h));
                transactions.run(() -> seen.add(transactions.withHandle(h -> h)));
                seen.add(transactions.inTransaction((Handle h) -> h));
                seen.add(transactions.inTransactionOnce(() -> transactions.withHandle(h -> h)));
                assertThat(transactions.withHandle(Handle::isInTransaction)).isTrue();
            });

            assertThat(seen).hasSize(4).allSatisfy(handle -> assertThat(handle).isSameAs(seen.get(0)));
        }

        @Test
        void a_write_of_a_nested_unit_waits_for_the_outermost_and_is_rolled_back_when_it_fails() {
            String outer = UUID.randomUUID().toString();
            String inner = UUID.randomUUID().toString();
            String helper = UUID.randomUUID().toString();
            IllegalStateException boom =
                    new IllegalStateException("the outer unit fails after the inner ones returned");
            List<Boolean> seenFromOutside = new ArrayList<>();

            assertThatThrownBy(() -> transactions.run(() -> {
                        write(outer);
                        transactions.run(() -> write(inner));
                        transactions.inTransaction(h -> h.createUpdate("INSERT INTO notes (id) VALUES (:id)")
                                .bind("id", helper)
                                .execute());
                        // The nested units have returned, yet nothing is committed: they joined this one.
                        seenFromOutside.add(committed(inner));
                        seenFromOutside.add(committed(helper));
                        throw boom;
                    }))
                    .isSameAs(boom);

            assertThat(seenFromOutside).containsExactly(false, false);
            assertThat(committed(outer)).isFalse();
            assertThat(committed(inner)).isFalse();
            assertThat(committed(helper)).isFalse();
        }

        @Test
        void commits_the_writes_of_nested_units_with_the_outermost() {
            String outer = UUID.randomUUID().toString();
            String inner = UUID.randomUUID().toString();

            transactions.run(() -> {
                write(outer);
                transactions.run(() -> write(inner));
            });

            assertThat(committed(outer)).isTrue();
            assertThat(committed(inner)).isTrue();
        }

        @Test
        void a_statement_on_the_same_jdbi_inside_a_unit_joins_it() {
            String note = UUID.randomUUID().toString();
            IllegalStateException boom = new IllegalStateException("boom");

            assertThatThrownBy(() -> transactions.run(() -> {
                        jdbi.useHandle(h -> h.createUpdate("INSERT INTO notes (id) VALUES (:id)")
                                .bind("id", note)
                                .execute());
                        throw boom;
                    }))
                    .isSameAs(boom);

            assertThat(committed(note)).isFalse();
        }

        @Test
        void repeats_a_unit_on_a_fresh_handle_and_leaves_the_scope_empty_after_it() {
            String note = UUID.randomUUID().toString();
            List<Handle> attempts = new ArrayList<>();
            AtomicInteger runs = new AtomicInteger();

            transactions.run(() -> {
                attempts.add(transactions.withHandle(h -> h));
                write(note);
                if (runs.incrementAndGet() == 1) {
                    throw new Conflict("lost to a concurrent transaction", null);
                }
            });

            assertThat(attempts).hasSize(2);
            assertThat(attempts.get(1)).isNotSameAs(attempts.get(0));
            assertThat(committed(note)).isTrue();
            assertThat(jdbi.getHandleScope().get()).isNull();
            assertThatThrownBy(() -> transactions.run(() -> {
                        throw new IllegalStateException("boom");
                    }))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(jdbi.getHandleScope().get()).isNull();
        }

        @Test
        void a_unit_inside_a_handle_of_the_callers_own_runs_on_its_own_and_gives_the_handle_back() {
            String note = UUID.randomUUID().toString();

            jdbi.useHandle(callers -> {
                transactions.run(() -> {
                    assertThat((Object) transactions.withHandle(h -> h)).isNotSameAs(callers);
                    write(note);
                });
                assertThat((Object) jdbi.withHandle(h -> h)).isSameAs(callers);
            });

            assertThat(committed(note)).isTrue();
        }

        private void write(String id) {
            transactions.withHandle(h -> h.createUpdate("INSERT INTO notes (id) VALUES (:id)")
                    .bind("id", id)
                    .execute());
        }

        /** Read on a connection of its own: Jdbi.open() never looks at the handle scope. */
        private boolean committed(String id) {
            try (Handle other = jdbi.open()) {
                return other.createQuery("SELECT COUNT(*) FROM notes WHERE id = :id")
                                .bind("id", id)
                                .mapTo(Integer.class)
                                .one()
                        == 1;
            }
        }
    }

    @Nested
    class OnH2 extends OnADatabase {
        @Override
        TestDatabase database() {
            return TestDatabases.blankH2();
        }
    }

    @Nested
    class OnPostgres extends OnADatabase {
        @Override
        TestDatabase database() {
            return TestDatabases.blankPostgres();
        }
    }
}

package dev.stockroom.adapters.persistence.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestStore;
import dev.stockroom.core.contract.RateCountersContract;
import dev.stockroom.core.shared.Transactions;
import dev.stockroom.core.throttling.domain.CounterKey;
import dev.stockroom.core.throttling.domain.FixedWindow;
import dev.stockroom.core.throttling.port.out.RateCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * RateCountersContract on Stockroom's JDBI adapter, and what its table holds, on each database: a
 * fresh in-memory H2 database of its own, and the JVM's shared embedded PostgreSQL.
 */
class JdbiRateCountersTest {
    @Nested
    class H2 extends OnADatabase {
        @Override
        TestStore store() {
            return TestStore.H2;
        }
    }

    @Nested
    class Postgres extends OnADatabase {
        @Override
        TestStore store() {
            return TestStore.POSTGRES;
        }
    }

    /** The contract and the table's check on one database, which the nested classes choose. */
    abstract static class OnADatabase extends RateCountersContract {
        // A test instance's own adapters, on its class's database, as the subclasses per database had them.
        private final TestDatabase db = store().databaseFor(getClass());
        private final StockroomDatabase database = new StockroomDatabase(db.jdbi());

        abstract TestStore store();

        @Override
        protected RateCounters counters() {
            return database.rateCounters();
        }

        @Override
        protected Transactions transactions() {
            return database.transactions();
        }

        @Test
        void the_table_holds_the_digest_of_the_address_never_the_address() {
            String address = "198.51.100." + UUID.randomUUID();
            CounterKey key = CounterKey.of("login", address);
            FixedWindow window = FixedWindow.containing(Instant.parse("2031-05-04T03:02:01Z"), Duration.ofHours(1));

            counters().hit(key, window);

            List<String> stored = db.jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT counter_key FROM rate_counters WHERE bucket = 'login' AND window_start = :start")
                            .bind("start", window.start())
                            .mapTo(String.class)
                            .list());
            assertThat(stored).contains(key.digest()).noneMatch(k -> k.contains("198.51.100."));
        }
    }
}

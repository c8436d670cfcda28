package dev.stockroom.adapters.persistence.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.core.contract.RateCountersContract;
import dev.stockroom.core.shared.Transactions;
import dev.stockroom.core.throttling.domain.CounterKey;
import dev.stockroom.core.throttling.domain.FixedWindow;
import dev.stockroom.core.throttling.port.out.RateCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RateCountersContract on a database, and what its table holds: subclasses choose the database. */
abstract class JdbiRateCountersTest extends RateCountersContract {
    private final TestDatabase db;
    private final StockroomDatabase database;

    JdbiRateCountersTest(TestDatabase db) {
        this.db = db;
        this.database = new StockroomDatabase(db.jdbi());
    }

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

        List<String> stored = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT counter_key FROM rate_counters WHERE bucket = 'login' AND window_start = :start")
                .bind("start", window.start())
                .mapTo(String.class)
                .list());
        assertThat(stored).contains(key.digest()).noneMatch(k -> k.contains("198.51.100."));
    }
}

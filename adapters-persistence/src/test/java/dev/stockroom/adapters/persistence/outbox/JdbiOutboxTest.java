package dev.stockroom.adapters.persistence.outbox;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestStore;
import dev.stockroom.core.contract.OutboxContract;
import dev.stockroom.core.notification.port.out.Outbox;
import org.junit.jupiter.api.Nested;

/**
 * OutboxContract on Stockroom's JDBI adapter, on each database: a fresh in-memory
 * H2 database of its own, and the JVM's shared embedded PostgreSQL.
 */
class JdbiOutboxTest {
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

    /** The contract on the adapters of one database, which the nested classes choose. */
    abstract static class OnADatabase extends OutboxContract {
        abstract TestStore store();

        private StockroomDatabase database() {
            return store().adaptersFor(getClass());
        }

        @Override
        protected Outbox outbox() {
            return database().outbox();
        }
    }
}

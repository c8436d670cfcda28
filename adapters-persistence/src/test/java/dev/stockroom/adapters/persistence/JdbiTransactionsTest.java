package dev.stockroom.adapters.persistence;

import dev.stockroom.adapters.persistence.testing.TestStore;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.TransactionsContract;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Transactions;
import org.junit.jupiter.api.Nested;

/**
 * TransactionsContract on Stockroom's JDBI adapter, on each database: a fresh in-memory
 * H2 database of its own, and the JVM's shared embedded PostgreSQL.
 */
class JdbiTransactionsTest {
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
    abstract static class OnADatabase extends TransactionsContract {
        abstract TestStore store();

        private StockroomDatabase database() {
            return store().adaptersFor(getClass());
        }

        @Override
        protected Transactions transactions() {
            return database().transactions();
        }

        @Override
        protected UserRepository users() {
            return database().users();
        }

        @Override
        protected OneTimeCodeRepository codes() {
            return database().codes();
        }

        @Override
        protected Outbox outbox() {
            return database().outbox();
        }
    }
}

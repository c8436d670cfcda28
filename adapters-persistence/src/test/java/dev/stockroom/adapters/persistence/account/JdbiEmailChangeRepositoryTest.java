package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestStore;
import dev.stockroom.core.account.port.out.EmailChangeRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.EmailChangeRepositoryContract;
import org.junit.jupiter.api.Nested;

/**
 * EmailChangeRepositoryContract on Stockroom's JDBI adapter, on each database: a fresh in-memory
 * H2 database of its own, and the JVM's shared embedded PostgreSQL.
 */
class JdbiEmailChangeRepositoryTest {
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
    abstract static class OnADatabase extends EmailChangeRepositoryContract {
        abstract TestStore store();

        private StockroomDatabase database() {
            return store().adaptersFor(getClass());
        }

        @Override
        protected EmailChangeRepository changes() {
            return database().emailChanges();
        }

        @Override
        protected UserRepository users() {
            return database().users();
        }
    }
}

package dev.stockroom.adapters.persistence.catalog;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestStore;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.contract.ProductAttributesContract;
import dev.stockroom.core.contract.ProductRepositoryContract;
import org.junit.jupiter.api.Nested;

/**
 * ProductRepositoryContract on Stockroom's JDBI adapter, on each database: a fresh in-memory
 * H2 database of its own, and the JVM's shared embedded PostgreSQL.
 */
class JdbiProductRepositoryTest {
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

    @Nested
    class AttributesOnH2 extends AttributesOnADatabase {
        @Override
        TestStore store() {
            return TestStore.H2;
        }
    }

    @Nested
    class AttributesOnPostgres extends AttributesOnADatabase {
        @Override
        TestStore store() {
            return TestStore.POSTGRES;
        }
    }

    /** The catalogue attributes' contract on the adapters of one database. */
    abstract static class AttributesOnADatabase extends ProductAttributesContract {
        abstract TestStore store();

        @Override
        protected ProductRepository products() {
            return store().adaptersFor(getClass()).products();
        }
    }

    /** The contract on the adapters of one database, which the nested classes choose. */
    abstract static class OnADatabase extends ProductRepositoryContract {
        abstract TestStore store();

        private StockroomDatabase database() {
            return store().adaptersFor(getClass());
        }

        @Override
        protected ProductRepository products() {
            return database().products();
        }
    }
}

package dev.stockroom.adapters.persistence.catalog;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestStore;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.contract.ProductStockAndDeletionContract;
import org.junit.jupiter.api.Nested;

/** ProductStockAndDeletionContract on Stockroom's JDBI adapter, on H2 and on PostgreSQL. */
class JdbiProductStockAndDeletionTest {
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

    abstract static class OnADatabase extends ProductStockAndDeletionContract {
        abstract TestStore store();

        @Override
        protected ProductRepository products() {
            StockroomDatabase database = store().adaptersFor(getClass());
            return database.products();
        }
    }
}

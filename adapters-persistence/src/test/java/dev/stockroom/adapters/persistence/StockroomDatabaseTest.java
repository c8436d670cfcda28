package dev.stockroom.adapters.persistence;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestStore;
import org.junit.jupiter.api.Nested;

/**
 * {@link StockroomDatabaseChecks} on each database: a fresh in-memory H2 database of its own, and
 * the JVM's shared embedded PostgreSQL.
 */
class StockroomDatabaseTest {
    @Nested
    class H2 extends StockroomDatabaseChecks {
        @Override
        TestDatabase database() {
            return TestStore.H2.databaseFor(getClass());
        }
    }

    @Nested
    class Postgres extends StockroomDatabaseChecks {
        @Override
        TestDatabase database() {
            return TestStore.POSTGRES.databaseFor(getClass());
        }
    }
}

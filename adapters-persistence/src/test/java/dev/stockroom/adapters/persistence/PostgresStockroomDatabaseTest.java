package dev.stockroom.adapters.persistence;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;

class PostgresStockroomDatabaseTest extends StockroomDatabaseChecks {
    @Override
    TestDatabase database() {
        return TestDatabases.postgres();
    }
}

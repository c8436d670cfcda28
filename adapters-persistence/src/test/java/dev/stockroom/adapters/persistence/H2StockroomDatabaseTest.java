package dev.stockroom.adapters.persistence;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;

class H2StockroomDatabaseTest extends StockroomDatabaseChecks {
    private static final TestDatabase DATABASE = TestDatabases.h2();

    @Override
    TestDatabase database() {
        return DATABASE;
    }
}

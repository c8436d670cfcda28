package dev.stockroom.adapters.persistence.throttling;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;

/** On the JVM's shared embedded PostgreSQL. */
class PostgresRateCountersTest extends JdbiRateCountersTest {
    private static final TestDatabase DB = TestDatabases.postgres();

    PostgresRateCountersTest() {
        super(DB);
    }
}

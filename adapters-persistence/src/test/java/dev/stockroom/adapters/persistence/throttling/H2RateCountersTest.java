package dev.stockroom.adapters.persistence.throttling;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;

/** On a fresh in-memory H2 database of its own. */
class H2RateCountersTest extends JdbiRateCountersTest {
    private static final TestDatabase DB = TestDatabases.h2();

    H2RateCountersTest() {
        super(DB);
    }
}

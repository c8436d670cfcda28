package dev.stockroom.bootstrap.e2e;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** On a real PostgreSQL, started by the tests. */
class PostgresAccountFlowsTest extends AccountFlowsTest {
    private static RunningStockroom stockroom;

    @BeforeAll
    static void start() throws Exception {
        TestDatabase postgres = TestDatabases.postgres();
        stockroom = new RunningStockroom(postgres.url(), postgres.user(), postgres.password()).start();
    }

    @AfterAll
    static void stop() {
        stockroom.stop();
    }

    @Override
    RunningStockroom stockroom() {
        return stockroom;
    }
}

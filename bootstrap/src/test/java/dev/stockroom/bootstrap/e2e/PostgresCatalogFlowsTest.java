package dev.stockroom.bootstrap.e2e;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The catalogue on a real PostgreSQL, started by the tests. */
class PostgresCatalogFlowsTest extends CatalogFlowsTest {
    private static TestDatabase postgres;
    private static RunningStockroom stockroom;

    @BeforeAll
    static void start() throws Exception {
        postgres = TestDatabases.postgres();
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

    @Override
    String commandConfig() {
        return "dataDir: " + stockroom.dataDir + "\n"
                + "database:\n"
                + "  driverClass: org.postgresql.Driver\n"
                + "  url: " + postgres.url() + "\n"
                + "  user: " + postgres.user() + "\n"
                + "  password: " + postgres.password() + "\n";
    }
}

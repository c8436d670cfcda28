package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The catalogue on the embedded default: the H2 file database and photo files under the data directory. */
class H2CatalogFlowsTest extends CatalogFlowsTest {
    private static RunningStockroom stockroom;

    @BeforeAll
    static void start() throws Exception {
        stockroom = new RunningStockroom(null, null, null).start();
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
        // The same embedded database: H2's AUTO_SERVER lets the command in beside the running service.
        return "dataDir: " + stockroom.dataDir + "\n";
    }
}

package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** On the embedded default: the H2 file database under the data directory, as `server` runs with no file. */
class H2AccountFlowsTest extends AccountFlowsTest {
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
}

package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalogue on the embedded default: the H2 file database and photo files under the data directory. */
class H2CatalogFlowsTest extends CatalogFlowsTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

    @Override
    RunningStockroom stockroom() {
        return STOCKROOM;
    }
}

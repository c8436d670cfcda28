package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalogue on a real PostgreSQL, started by the tests. */
class PostgresCatalogFlowsTest extends CatalogFlowsTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

    @Override
    RunningStockroom stockroom() {
        return STOCKROOM;
    }
}

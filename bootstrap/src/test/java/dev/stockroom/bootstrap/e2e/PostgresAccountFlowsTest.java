package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/** On a real PostgreSQL, started by the tests. */
class PostgresAccountFlowsTest extends AccountFlowsTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

    @Override
    RunningStockroom stockroom() {
        return STOCKROOM;
    }
}

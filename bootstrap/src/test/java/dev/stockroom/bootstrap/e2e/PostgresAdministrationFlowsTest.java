package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/** On a real PostgreSQL. */
class PostgresAdministrationFlowsTest extends AdministrationFlowsTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onPostgres();

    @Override
    RunningStockroom stockroom() {
        return STOCKROOM;
    }
}

package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/** On the embedded H2 default. */
class H2AdministrationFlowsTest extends AdministrationFlowsTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

    @Override
    RunningStockroom stockroom() {
        return STOCKROOM;
    }
}

package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.extension.RegisterExtension;

/** On the embedded default: the H2 file database under the data directory, as {@code server} runs with no file. */
class H2AccountFlowsTest extends AccountFlowsTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

    @Override
    RunningStockroom stockroom() {
        return STOCKROOM;
    }
}

package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On the embedded default, the H2 file, which the second and third instances reach through H2's AUTO_SERVER. */
class H2AddressLimitsTest extends AddressLimitsTest {
    @RegisterExtension
    @Order(1)
    static final RunningStockroom PROXIED = RunningStockroom.onEmbeddedH2().with(AddressLimitsTest::behindTheLoopbackProxy);
    @RegisterExtension
    @Order(2)
    static final RunningStockroom DIRECT = RunningStockroom.besides(PROXIED).with(AddressLimitsTest::withoutProxy);
    @RegisterExtension
    @Order(3)
    static final RunningStockroom UNLIMITED = RunningStockroom.besides(PROXIED).withEnvironment(limitsOff());

    @Override
    RunningStockroom proxied() {
        return PROXIED;
    }

    @Override
    RunningStockroom direct() {
        return DIRECT;
    }

    @Override
    RunningStockroom unlimited() {
        return UNLIMITED;
    }
}

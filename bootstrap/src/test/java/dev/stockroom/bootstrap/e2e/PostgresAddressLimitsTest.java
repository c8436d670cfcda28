package dev.stockroom.bootstrap.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On a real PostgreSQL, started by the tests. */
class PostgresAddressLimitsTest extends AddressLimitsTest {
    @RegisterExtension
    @Order(1)
    static final RunningStockroom PROXIED = RunningStockroom.onPostgres().with(AddressLimitsTest::behindTheLoopbackProxy);
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

package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.contract.RateCountersContract;
import dev.stockroom.core.shared.Transactions;
import dev.stockroom.core.testing.InMemoryAdapters;
import dev.stockroom.core.throttling.port.out.RateCounters;

class InMemoryRateCountersTest extends RateCountersContract {
    // Shared by every test of the class, as a database would be: the contract must isolate by data.
    private static final InMemoryAdapters STORES = new InMemoryAdapters();

    @Override
    protected RateCounters counters() {
        return STORES.rateCounters();
    }

    @Override
    protected Transactions transactions() {
        return STORES.transactions();
    }
}

package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.contract.OutboxContract;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.testing.InMemoryAdapters;

class InMemoryOutboxTest extends OutboxContract {
    // Shared by every test of the class, as a database would be: the contract must isolate by data.
    private static final InMemoryAdapters STORES = new InMemoryAdapters();

    @Override
    protected Outbox outbox() {
        return STORES.outbox();
    }
}

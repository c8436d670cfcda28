package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.contract.AuditLogContract;
import dev.stockroom.core.testing.InMemoryAdapters;

class InMemoryAuditLogTest extends AuditLogContract {
    // Shared by every test of the class, as a database would be: the contract must isolate by data.
    private static final InMemoryAdapters STORES = new InMemoryAdapters();

    @Override
    protected AuditLog audit() {
        return STORES.audit();
    }
}

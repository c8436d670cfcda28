package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.contract.LoginAttemptsContract;
import dev.stockroom.core.testing.InMemoryAdapters;

class InMemoryLoginAttemptsTest extends LoginAttemptsContract {
    // Shared by every test of the class, as a database would be: the contract must isolate by data.
    private static final InMemoryAdapters STORES = new InMemoryAdapters();

    @Override
    protected LoginAttempts attempts() {
        return STORES.loginAttempts();
    }
}

package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.SessionRepositoryContract;
import dev.stockroom.core.testing.InMemoryAdapters;

class InMemorySessionRepositoryTest extends SessionRepositoryContract {
    // Shared by every test of the class, as a database would be: the contract must isolate by data.
    private static final InMemoryAdapters STORES = new InMemoryAdapters();

    @Override
    protected SessionRepository sessions() {
        return STORES.sessions();
    }

    @Override
    protected UserRepository users() {
        return STORES.users();
    }
}

package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.UserRepositoryContract;
import dev.stockroom.core.testing.InMemoryAdapters;

class InMemoryUserRepositoryTest extends UserRepositoryContract {
    // Shared by every test of the class, as a database would be: the contract must isolate by data.
    private static final InMemoryAdapters STORES = new InMemoryAdapters();

    @Override
    protected UserRepository users() {
        return STORES.users();
    }

    @Override
    protected EmptyStore emptyStore() {
        InMemoryAdapters empty = new InMemoryAdapters();
        return new EmptyStore(empty.users(), empty.transactions());
    }
}

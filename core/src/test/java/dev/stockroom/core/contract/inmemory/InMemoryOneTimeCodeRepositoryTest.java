package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.OneTimeCodeRepositoryContract;
import dev.stockroom.core.testing.InMemoryAdapters;

class InMemoryOneTimeCodeRepositoryTest extends OneTimeCodeRepositoryContract {
    // Shared by every test of the class, as a database would be: the contract must isolate by data.
    private static final InMemoryAdapters STORES = new InMemoryAdapters();

    @Override
    protected OneTimeCodeRepository codes() {
        return STORES.codes();
    }

    @Override
    protected UserRepository users() {
        return STORES.users();
    }
}

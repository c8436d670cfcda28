package dev.stockroom.core.contract.inmemory;

import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.TransactionsContract;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Transactions;
import dev.stockroom.core.testing.InMemoryAdapters;

class InMemoryTransactionsTest extends TransactionsContract {
    // Shared by every test of the class, as a database would be: the contract must isolate by data.
    private static final InMemoryAdapters STORES = new InMemoryAdapters();

    @Override
    protected Transactions transactions() {
        return STORES.transactions();
    }

    @Override
    protected UserRepository users() {
        return STORES.users();
    }

    @Override
    protected OneTimeCodeRepository codes() {
        return STORES.codes();
    }

    @Override
    protected Outbox outbox() {
        return STORES.outbox();
    }
}

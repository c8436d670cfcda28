package dev.stockroom.adapters.persistence;

import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.TransactionsContract;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.Transactions;

/** TransactionsContract on a fresh in-memory H2 database of its own. */
class H2TransactionsTest extends TransactionsContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.h2().jdbi());

    @Override
    protected Transactions transactions() {
        return DATABASE.transactions();
    }

    @Override
    protected UserRepository users() {
        return DATABASE.users();
    }

    @Override
    protected OneTimeCodeRepository codes() {
        return DATABASE.codes();
    }

    @Override
    protected Outbox outbox() {
        return DATABASE.outbox();
    }
}

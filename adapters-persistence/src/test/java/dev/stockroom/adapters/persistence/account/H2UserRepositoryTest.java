package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.UserRepositoryContract;

/** UserRepositoryContract on a fresh in-memory H2 database of its own. */
class H2UserRepositoryTest extends UserRepositoryContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.h2().jdbi());

    @Override
    protected UserRepository users() {
        return DATABASE.users();
    }

    @Override
    protected EmptyStore emptyStore() {
        StockroomDatabase empty = new StockroomDatabase(TestDatabases.h2().jdbi());
        return new EmptyStore(empty.users(), empty.transactions());
    }
}

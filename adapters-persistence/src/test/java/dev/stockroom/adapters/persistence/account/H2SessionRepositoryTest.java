package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.SessionRepositoryContract;

/** SessionRepositoryContract on a fresh in-memory H2 database of its own. */
class H2SessionRepositoryTest extends SessionRepositoryContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.h2().jdbi());

    @Override
    protected SessionRepository sessions() {
        return DATABASE.sessions();
    }

    @Override
    protected UserRepository users() {
        return DATABASE.users();
    }
}

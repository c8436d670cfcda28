package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.OneTimeCodeRepositoryContract;

/** OneTimeCodeRepositoryContract on a fresh in-memory H2 database of its own. */
class H2OneTimeCodeRepositoryTest extends OneTimeCodeRepositoryContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.h2().jdbi());

    @Override
    protected OneTimeCodeRepository codes() {
        return DATABASE.codes();
    }

    @Override
    protected UserRepository users() {
        return DATABASE.users();
    }
}

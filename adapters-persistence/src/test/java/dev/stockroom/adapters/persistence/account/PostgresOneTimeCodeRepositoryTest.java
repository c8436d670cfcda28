package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.OneTimeCodeRepositoryContract;

/** OneTimeCodeRepositoryContract on the JVM's shared embedded PostgreSQL. */
class PostgresOneTimeCodeRepositoryTest extends OneTimeCodeRepositoryContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.postgres().jdbi());

    @Override
    protected OneTimeCodeRepository codes() {
        return DATABASE.codes();
    }

    @Override
    protected UserRepository users() {
        return DATABASE.users();
    }
}

package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.SessionRepositoryContract;

/** SessionRepositoryContract on the JVM's shared embedded PostgreSQL. */
class PostgresSessionRepositoryTest extends SessionRepositoryContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.postgres().jdbi());

    @Override
    protected SessionRepository sessions() {
        return DATABASE.sessions();
    }

    @Override
    protected UserRepository users() {
        return DATABASE.users();
    }
}

package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.UserRepositoryContract;

/** UserRepositoryContract on the JVM's shared embedded PostgreSQL. */
class PostgresUserRepositoryTest extends UserRepositoryContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.postgres().jdbi());

    @Override
    protected UserRepository users() {
        return DATABASE.users();
    }

    @Override
    protected EmptyStore emptyStore() {
        StockroomDatabase empty = new StockroomDatabase(TestDatabases.emptyPostgres().jdbi());
        return new EmptyStore(empty.users(), empty.transactions());
    }
}

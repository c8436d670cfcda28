package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.contract.LoginAttemptsContract;

/** LoginAttemptsContract on the JVM's shared embedded PostgreSQL. */
class PostgresLoginAttemptsTest extends LoginAttemptsContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.postgres().jdbi());

    @Override
    protected LoginAttempts attempts() {
        return DATABASE.loginAttempts();
    }
}

package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.contract.LoginAttemptsContract;

/** LoginAttemptsContract on a fresh in-memory H2 database of its own. */
class H2LoginAttemptsTest extends LoginAttemptsContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.h2().jdbi());

    @Override
    protected LoginAttempts attempts() {
        return DATABASE.loginAttempts();
    }
}

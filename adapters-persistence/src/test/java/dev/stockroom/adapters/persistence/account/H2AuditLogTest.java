package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.contract.AuditLogContract;

/** AuditLogContract on a fresh in-memory H2 database of its own. */
class H2AuditLogTest extends AuditLogContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.h2().jdbi());

    @Override
    protected AuditLog audit() {
        return DATABASE.audit();
    }
}

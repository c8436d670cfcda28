package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.contract.AuditLogContract;

/** AuditLogContract on the JVM's shared embedded PostgreSQL. */
class PostgresAuditLogTest extends AuditLogContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.postgres().jdbi());

    @Override
    protected AuditLog audit() {
        return DATABASE.audit();
    }
}

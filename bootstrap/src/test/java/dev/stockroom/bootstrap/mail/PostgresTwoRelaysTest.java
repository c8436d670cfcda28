package dev.stockroom.bootstrap.mail;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.notification.port.out.Outbox;

/** TwoRelaysChecks on a fresh database of its own per test, on the JVM's embedded PostgreSQL. */
class PostgresTwoRelaysTest extends TwoRelaysChecks {
    @Override
    protected Outbox outbox() {
        return new StockroomDatabase(TestDatabases.emptyPostgres().jdbi()).outbox();
    }
}

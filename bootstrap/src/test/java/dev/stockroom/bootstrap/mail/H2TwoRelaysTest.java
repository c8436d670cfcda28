package dev.stockroom.bootstrap.mail;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.notification.port.out.Outbox;

/** TwoRelaysChecks on a fresh in-memory H2 database per test. */
class H2TwoRelaysTest extends TwoRelaysChecks {
    @Override
    protected Outbox outbox() {
        return new StockroomDatabase(TestDatabases.h2().jdbi()).outbox();
    }
}

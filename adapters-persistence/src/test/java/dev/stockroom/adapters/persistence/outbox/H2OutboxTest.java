package dev.stockroom.adapters.persistence.outbox;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.contract.OutboxContract;
import dev.stockroom.core.notification.port.out.Outbox;

/** OutboxContract on a fresh in-memory H2 database of its own. */
class H2OutboxTest extends OutboxContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.h2().jdbi());

    @Override
    protected Outbox outbox() {
        return DATABASE.outbox();
    }
}

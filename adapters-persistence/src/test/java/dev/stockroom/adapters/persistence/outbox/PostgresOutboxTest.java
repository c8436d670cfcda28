package dev.stockroom.adapters.persistence.outbox;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.contract.OutboxContract;
import dev.stockroom.core.notification.port.out.Outbox;

/** OutboxContract on the JVM's shared embedded PostgreSQL. */
class PostgresOutboxTest extends OutboxContract {
    private static final StockroomDatabase DATABASE = new StockroomDatabase(TestDatabases.postgres().jdbi());

    @Override
    protected Outbox outbox() {
        return DATABASE.outbox();
    }
}

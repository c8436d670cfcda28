package dev.stockroom.bootstrap.mail;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.notification.port.out.Outbox;
import org.apache.tomcat.jdbc.pool.DataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** TwoRelaysChecks on each database, a fresh one of its own per test. */
class TwoRelaysTest {
    /** A fresh in-memory H2 database per test. */
    @Nested
    class H2 extends TwoRelaysChecks {
        @Override
        protected Outbox outbox() {
            return new StockroomDatabase(TestDatabases.h2().jdbi()).outbox();
        }
    }

    /**
     * A fresh database of its own per test, on the JVM's embedded PostgreSQL, through a connection
     * pool as the service has one (Dropwizard's, Tomcat JDBC): the test databases' plain data source
     * opens a connection per statement.
     */
    @Nested
    class Postgres extends TwoRelaysChecks {
        private DataSource pool;

        @Override
        protected Outbox outbox() {
            TestDatabase database = TestDatabases.emptyPostgres();
            PoolProperties properties = new PoolProperties();
            properties.setUrl(database.url());
            properties.setUsername(database.user());
            properties.setPassword(database.password());
            properties.setDriverClassName("org.postgresql.Driver");
            properties.setMaxActive(24);
            properties.setMaxIdle(24);
            properties.setInitialSize(0);
            pool = new DataSource(properties);
            return new StockroomDatabase(Jdbi.create(pool).setTemplateEngine(TemplateEngine.NOP)).outbox();
        }

        @AfterEach
        void closePool() {
            if (pool != null) {
                pool.close();
            }
        }
    }
}

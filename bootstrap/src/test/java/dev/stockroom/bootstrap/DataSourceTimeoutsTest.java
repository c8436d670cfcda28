package dev.stockroom.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.shared.StorageUnavailable;
import io.dropwizard.db.ManagedDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The timeouts of the configuration reach the connections the pool hands out, on both databases. */
class DataSourceTimeoutsTest {

    @Test
    void postgres_connections_carry_the_statement_lock_and_socket_timeouts() throws Exception {
        TestDatabase postgres = TestDatabases.postgres();
        StockroomDataSourceFactory factory =
                factory("org.postgresql.Driver", postgres.url(), postgres.user(), postgres.password());
        ManagedDataSource pool = factory.build(new MetricRegistry(), "timeouts-test");
        pool.start();
        try (Connection connection = pool.getConnection()) {
            assertThat(show(connection, "SHOW statement_timeout")).isEqualTo("1s");
            assertThat(show(connection, "SHOW lock_timeout")).isEqualTo("1s");
            assertThat(connection.getNetworkTimeout()).isEqualTo(1500);
        } finally {
            pool.stop();
        }
        ManagedDataSource migrations = factory.forMigrations().build(new MetricRegistry(), "timeouts-test-migrations");
        migrations.start();
        try (Connection connection = migrations.getConnection()) {
            assertThat(show(connection, "SHOW statement_timeout")).isEqualTo("10min");
        } finally {
            migrations.stop();
        }
    }

    @Test
    void h2_waits_at_most_the_lock_timeout_for_a_row_another_transaction_holds() throws Exception {
        String url =
                "jdbc:h2:mem:timeouts-" + UUID.randomUUID() + ";" + StockroomDatabase.H2_MODE + ";DB_CLOSE_DELAY=-1";
        StockroomDataSourceFactory factory = factory("org.h2.Driver", url, "sa", "");
        ManagedDataSource pool = factory.build(new MetricRegistry(), "timeouts-test-h2");
        pool.start();
        try {
            Jdbi jdbi = Jdbi.create(pool);
            jdbi.useHandle(h -> h.execute("CREATE TABLE t (id INT PRIMARY KEY, v INT)"));
            jdbi.useHandle(h -> h.execute("INSERT INTO t VALUES (1, 0)"));
            try (Handle holder = jdbi.open()) {
                holder.begin();
                holder.execute("UPDATE t SET v = 1 WHERE id = 1");
                JdbiTransactions transactions = new JdbiTransactions(jdbi);
                long start = System.nanoTime();
                assertThatThrownBy(() -> transactions.withHandle(h -> h.execute("UPDATE t SET v = 2 WHERE id = 1")))
                        .isInstanceOf(StorageUnavailable.class);
                // The default lock timeout, 1 s (H2's own is far longer).
                assertThat((System.nanoTime() - start) / 1_000_000).isBetween(500L, 2_000L);
                holder.rollback();
            }
        } finally {
            pool.stop();
        }
    }

    private static StockroomDataSourceFactory factory(String driver, String url, String user, String password) {
        StockroomConfiguration config = new StockroomConfiguration();
        StockroomDataSourceFactory factory = config.database;
        factory.setDriverClass(driver);
        factory.setUrl(url);
        factory.setUser(user);
        factory.setPassword(password);
        EnvironmentOverrides.apply(config, Map.of());
        return factory;
    }

    private static String show(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}

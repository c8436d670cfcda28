package dev.stockroom.adapters.persistence.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.adapters.persistence.transaction.StoreErrors.Kind;
import dev.stockroom.core.shared.InvalidData;
import dev.stockroom.core.shared.StorageFault;
import dev.stockroom.core.shared.StorageUnavailable;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: database errors classified by cause. Only an outage or a timeout is 503 (unavailable);
 * data the database refuses is the client's 400 (invalid data); anything else is a bug, 500.
 */
class StoreErrorsTest {

    @Test
    void classifies_by_sqlstate() {
        assertThat(StoreErrors.byState("08006")).isEqualTo(Kind.UNAVAILABLE); // connection failure
        assertThat(StoreErrors.byState("08001")).isEqualTo(Kind.UNAVAILABLE); // cannot connect
        assertThat(StoreErrors.byState("57014")).isEqualTo(Kind.UNAVAILABLE); // statement timeout
        assertThat(StoreErrors.byState("55P03")).isEqualTo(Kind.UNAVAILABLE); // lock timeout (lock_timeout)
        assertThat(StoreErrors.byState("57P01")).isEqualTo(Kind.UNAVAILABLE); // admin shutdown
        assertThat(StoreErrors.byState("53300")).isEqualTo(Kind.UNAVAILABLE); // too many connections
        assertThat(StoreErrors.byState("40001")).isEqualTo(Kind.UNAVAILABLE); // serialization failure
        assertThat(StoreErrors.byState("HYT00")).isEqualTo(Kind.UNAVAILABLE); // H2 lock timeout
        assertThat(StoreErrors.byState("90067")).isEqualTo(Kind.UNAVAILABLE); // H2 connection broken
        assertThat(StoreErrors.byState("90100")).isEqualTo(Kind.UNAVAILABLE); // H2 disk full
        assertThat(StoreErrors.byState("58030")).isEqualTo(Kind.UNAVAILABLE); // server I/O error
        assertThat(StoreErrors.byState("22021")).isEqualTo(Kind.INVALID_DATA); // NUL in text
        assertThat(StoreErrors.byState("22001")).isEqualTo(Kind.INVALID_DATA); // value too long
        assertThat(StoreErrors.byState("23502")).isEqualTo(Kind.INVALID_DATA); // not null
        assertThat(StoreErrors.byState("42P01")).isEqualTo(Kind.FAULT); // no such table
        assertThat(StoreErrors.byState("42601")).isEqualTo(Kind.FAULT); // syntax error
        assertThat(StoreErrors.byState("XX000")).isEqualTo(Kind.FAULT); // internal error
    }

    @Test
    void without_sqlstate_timeouts_io_errors_pool_exhaustion_and_failed_connects_are_unavailable() {
        assertThat(StoreErrors.classify(statementFailure(
                        new SQLException("I/O", (String) null, new SocketTimeoutException("Read timed out")))))
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(StoreErrors.classify(statementFailure(new PoolExhaustedException(
                        "[pool] Timeout: Pool empty. Unable to fetch a connection in 0 seconds"))))
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(StoreErrors.classify(new ConnectionException(new SQLException("refused"))))
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(StoreErrors.classify(statementFailure(new SQLException("no state"))))
                .isEqualTo(Kind.FAULT);
        assertThat(StoreErrors.translate(statementFailure(new SQLException("x", "08006"))))
                .isInstanceOf(StorageUnavailable.class);
        assertThat(StoreErrors.translate(statementFailure(new SQLException("x", "22P02"))))
                .isInstanceOf(InvalidData.class);
        assertThat(StoreErrors.translate(statementFailure(new SQLException("x", "42703"))))
                .isInstanceOf(StorageFault.class)
                .hasMessageNotContaining("x");
    }

    private static UnableToExecuteStatementException statementFailure(SQLException cause) {
        return new UnableToExecuteStatementException(cause, null);
    }

    /** Named as Tomcat JDBC's is: the class is matched by name. */
    static final class PoolExhaustedException extends SQLException {
        private static final long serialVersionUID = 1L;

        PoolExhaustedException(String message) {
            super(message);
        }
    }

    abstract static class OnADatabase {
        abstract TestDatabase database();

        final JdbiTransactions transactions() {
            return new JdbiTransactions(Jdbi.create(database().dataSource()));
        }

        @Test
        void a_value_the_database_cannot_convert_is_invalid_data() {
            assertThatThrownBy(() -> transactions()
                            .withHandle(h -> h.createQuery("SELECT CAST(:v AS INTEGER)")
                                    .bind("v", "not a number")
                                    .mapTo(Integer.class)
                                    .one()))
                    .isInstanceOf(InvalidData.class)
                    .hasMessageNotContaining("SELECT");
        }

        @Test
        void a_missing_table_is_a_fault() {
            assertThatThrownBy(() -> transactions()
                            .withHandle(h -> h.createQuery("SELECT x FROM no_such_table")
                                    .mapTo(Integer.class)
                                    .one()))
                    .isInstanceOf(StorageFault.class)
                    .hasMessageNotContaining("no_such_table");
        }

        @Test
        void an_unreachable_database_is_unavailable_and_a_ping_says_false() {
            JdbiTransactions nowhere =
                    new JdbiTransactions(Jdbi.create("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1"));
            assertThatThrownBy(() -> nowhere.withHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()))
                    .isInstanceOf(StorageUnavailable.class);
            assertThat(nowhere.ping()).isFalse();
        }
    }

    @Nested
    class OnH2 extends OnADatabase {
        private final TestDatabase database = TestDatabases.h2();

        @Override
        TestDatabase database() {
            return database;
        }
    }

    @Nested
    class OnPostgres extends OnADatabase {
        @Override
        TestDatabase database() {
            return TestDatabases.postgres();
        }

        @Test
        void a_nul_character_in_text_is_invalid_data() {
            assertThatThrownBy(() -> transactions()
                            .withHandle(h -> h.createQuery("SELECT CAST(:v AS TEXT)")
                                    .bind("v", "a\u0000b")
                                    .mapTo(String.class)
                                    .one()))
                    .isInstanceOf(InvalidData.class);
        }

        @Test
        void a_statement_over_its_timeout_is_unavailable_and_the_connection_stays_usable() {
            JdbiTransactions transactions = transactions();
            assertThatThrownBy(() -> transactions.inTransaction(() -> transactions.withHandle(h -> {
                        h.execute("SET LOCAL statement_timeout = 50");
                        return h.createQuery("SELECT CAST(pg_sleep(2) AS TEXT)")
                                .mapTo(String.class)
                                .one();
                    })))
                    .isInstanceOf(StorageUnavailable.class);
            assertThat(transactions.ping()).isTrue();
        }

        @Test
        void a_connection_the_server_ends_is_unavailable() {
            JdbiTransactions transactions = transactions();
            assertThatThrownBy(() -> transactions.inTransaction(() ->
                            transactions.withHandle(h -> h.createQuery("SELECT pg_terminate_backend(pg_backend_pid())")
                                    .mapTo(Boolean.class)
                                    .one())))
                    .isInstanceOf(StorageUnavailable.class);
        }
    }
}

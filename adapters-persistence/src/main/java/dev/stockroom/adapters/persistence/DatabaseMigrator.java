package dev.stockroom.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings a database up to Stockroom's schema with Liquibase. Running it again is a no-op;
 * Liquibase's lock table keeps several instances starting at once from migrating twice.
 */
public final class DatabaseMigrator {
    /** The master changelog, a classpath resource; {@code db migrate} must be pointed at the same path. */
    public static final String CHANGELOG = "db/changelog/stockroom.xml";

    private DatabaseMigrator() {}

    /** Migrates through a connection of its own, closed afterwards. */
    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to the database to migrate it", e);
        }
    }

    /** Migrates through the caller's connection and leaves it open. */
    public static void migrate(Connection connection) {
        migrate(connection, CHANGELOG);
    }

    /**
     * Migrates with another changelog (a classpath resource) through a connection of its own: for
     * tests of one change, with a changelog that stops before it.
     */
    static void migrate(DataSource dataSource, String changelog) {
        try (Connection connection = dataSource.getConnection()) {
            migrate(connection, changelog);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to the database to migrate it", e);
        }
    }

    private static void migrate(Connection connection, String changelog) {
        Map<String, Object> scope = Map.of(
                // Liquibase would otherwise phone home from every service start and test run.
                AnalyticsArgs.ENABLED.getKey(), false,
                // Progress goes to the log rather than standard output.
                Scope.Attr.ui.name(), new LoggerUIService(),
                Scope.Attr.resourceAccessor.name(),
                        new ClassLoaderResourceAccessor(DatabaseMigrator.class.getClassLoader()));
        try {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(
                    scope,
                    () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                            .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                            .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                            .execute());
        } catch (Exception e) {
            throw new IllegalStateException("Could not migrate the database: " + e.getMessage(), e);
        }
    }
}

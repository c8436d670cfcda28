package dev.stockroom.adapters.persistence.testing;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database a test class runs on, so that choosing one costs a test a single method returning
 * a constant: {@code @Nested class H2 extends OnADatabase { TestStore store() { return TestStore.H2; } }}.
 *
 * <p>Each test class gets one {@link TestDatabase} and one {@link StockroomDatabase} on it, the same
 * on every call, as a {@code static final} field would hold them: on {@link #H2} a fresh in-memory
 * database of its own, on {@link #POSTGRES} the JVM's one shared server and database
 * ({@link TestDatabases#postgres()}), with adapters of the class's own.
 */
public enum TestStore {
    H2 {
        @Override
        TestDatabase newDatabase() {
            return TestDatabases.h2();
        }

        @Override
        public TestDatabase emptyDatabase() {
            return TestDatabases.h2();
        }
    },
    POSTGRES {
        @Override
        TestDatabase newDatabase() {
            return TestDatabases.postgres();
        }

        @Override
        public TestDatabase emptyDatabase() {
            return TestDatabases.emptyPostgres();
        }
    };

    // Mutable on purpose: each store is the JVM's registry of its databases, one per test class.
    @SuppressWarnings("ImmutableEnumChecker")
    private final Map<Class<?>, TestDatabase> databases = new ConcurrentHashMap<>();

    @SuppressWarnings("ImmutableEnumChecker")
    private final Map<Class<?>, StockroomDatabase> adapters = new ConcurrentHashMap<>();

    abstract TestDatabase newDatabase();

    /**
     * A migrated database with no rows at all, new on every call: for the few tests that must see
     * every row of a table. On PostgreSQL it costs a migration, so use it sparingly.
     */
    public abstract TestDatabase emptyDatabase();

    /** {@code testClass}'s database on this store, the same on every call. */
    public TestDatabase databaseFor(Class<?> testClass) {
        return databases.computeIfAbsent(testClass, c -> newDatabase());
    }

    /** Stockroom's adapters on {@code testClass}'s database, the same instance on every call. */
    public StockroomDatabase adaptersFor(Class<?> testClass) {
        return adapters.computeIfAbsent(
                testClass, c -> new StockroomDatabase(databaseFor(c).jdbi()));
    }
}

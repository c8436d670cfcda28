package dev.stockroom.adapters.persistence.throttling;

import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.throttling.domain.CounterKey;
import dev.stockroom.core.throttling.domain.FixedWindow;
import dev.stockroom.core.throttling.port.out.RateCounters;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Fixed-window counts in {@code rate_counters}, one row per bucket, key and window. A hit is one
 * atomic step on both databases. On PostgreSQL it is one statement, an upsert that returns the new
 * count: it runs on every limited request, so it is worth a statement of its own there. H2 has no
 * {@code ON CONFLICT ... DO UPDATE}, so there a hit counts as {@code JdbiLoginAttempts} does:
 * update the row, or insert it when it is missing (of two concurrent inserts one wins through the primary key and the other
 * counts by the update after all), then read it back under the row lock, in one transaction.
 */
public final class JdbiRateCounters implements RateCounters {
    private static final String UPSERT = """
            INSERT INTO rate_counters (bucket, counter_key, window_start, window_end, hits)
            VALUES (:bucket, :counter_key, :window_start, :window_end, 1)
            ON CONFLICT (bucket, counter_key, window_start) DO UPDATE SET hits = rate_counters.hits + 1
            RETURNING hits
            """;
    private static final String HITS = """
            SELECT hits FROM rate_counters
            WHERE bucket = :bucket AND counter_key = :counter_key AND window_start = :window_start
            """;

    private final JdbiTransactions db;
    // Whether the database takes UPSERT; asked of the first connection, the same for every other.
    private volatile Boolean upserts;

    public JdbiRateCounters(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public int hit(CounterKey key, FixedWindow window) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(window, "window");
        if (upserts()) {
            return db.withHandle(h -> bind(h.createQuery(UPSERT), key, window)
                    .mapTo(Integer.class)
                    .one());
        }
        return db.inTransaction(h -> {
            if (increment(h, key, window) == 0) {
                int inserted = bind(h.createUpdate("""
                                INSERT INTO rate_counters (bucket, counter_key, window_start, window_end, hits)
                                VALUES (:bucket, :counter_key, :window_start, :window_end, 1)
                                ON CONFLICT DO NOTHING
                                """), key, window).execute();
                if (inserted == 0) {
                    increment(h, key, window);
                }
            }
            // The row is locked until the transaction ends: this reads this hit's count and no other.
            return bind(h.createQuery(HITS), key, window).mapTo(Integer.class).one();
        });
    }

    @Override
    public int peek(CounterKey key, FixedWindow window) {
        return db.withHandle(h -> bind(h.createQuery(HITS), key, window)
                .mapTo(Integer.class)
                .findOne()
                .orElse(0));
    }

    /**
     * A delete that meets a row a hit is writing waits for its lock and finds it still ended;
     * the hit of an instance whose clock lags then counts into a new row for that window, from
     * zero, which only errs on the side of the client.
     */
    @Override
    public int purgeEndedBefore(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM rate_counters WHERE window_end <= :cutoff")
                .bind("cutoff", Objects.requireNonNull(cutoff, "cutoff"))
                .execute());
    }

    private boolean upserts() {
        Boolean known = upserts;
        if (known == null) {
            known = db.withHandle(h -> {
                try {
                    return "PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName());
                } catch (SQLException e) {
                    // Unknown: the portable statements work everywhere.
                    return false;
                }
            });
            upserts = known;
        }
        return known;
    }

    private static int increment(Handle h, CounterKey key, FixedWindow window) {
        return bind(h.createUpdate("""
                        UPDATE rate_counters SET hits = hits + 1
                        WHERE bucket = :bucket AND counter_key = :counter_key AND window_start = :window_start
                        """), key, window).execute();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, CounterKey key, FixedWindow window) {
        return statement
                .bind("bucket", key.bucket())
                .bind("counter_key", key.digest())
                .bind("window_start", window.start())
                .bind("window_end", window.end());
    }
}

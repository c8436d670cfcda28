package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.TrustedDevices;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Device tokens in {@code device_tokens}, by hash; a user's tokens go when the user does (the
 * foreign key cascades). A token is used once (each login replaces it), so its last use is when it
 * was handed out.
 */
public final class JdbiTrustedDevices implements TrustedDevices {
    private final JdbiTransactions db;

    public JdbiTrustedDevices(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** A hash already stored is refused by the primary key. */
    @Override
    public void add(String hash, UserId user, Instant now) {
        Objects.requireNonNull(hash, "hash");
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO device_tokens (hash, user_id, created_at, last_used_at)
                        VALUES (:hash, :user_id, :now, :now)
                        """)
                .bind("hash", hash)
                .bind("user_id", user.value())
                .bind("now", now)
                .execute());
    }

    @Override
    public Optional<UserId> ownerOf(String hash, Instant usedSince) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT user_id FROM device_tokens WHERE hash = :hash AND last_used_at >= :used_since
                        """)
                .bind("hash", hash)
                .bind("used_since", usedSince)
                .mapTo(UUID.class)
                .findOne()
                .map(UserId::new));
    }

    /** The row count of the delete decides: of concurrent calls, the one that deleted the row. */
    @Override
    public boolean remove(String hash) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM device_tokens WHERE hash = :hash")
                        .bind("hash", hash)
                        .execute())
                == 1;
    }

    @Override
    public List<String> hashesOf(UserId user) {
        return db.withHandle(h -> h.createQuery("SELECT hash FROM device_tokens WHERE user_id = :user_id ORDER BY hash")
                .bind("user_id", user.value())
                .mapTo(String.class)
                .list());
    }

    @Override
    public int keepNewest(UserId user, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        return db.withHandle(h -> h.createUpdate("""
                        DELETE FROM device_tokens
                        WHERE user_id = :user_id AND hash NOT IN (
                            SELECT hash FROM device_tokens WHERE user_id = :user_id
                            ORDER BY created_at DESC, hash DESC LIMIT :max)
                        """)
                .bind("user_id", user.value())
                .bind("max", max)
                .execute());
    }

    @Override
    public int removeAllOf(UserId user) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM device_tokens WHERE user_id = :user_id")
                .bind("user_id", user.value())
                .execute());
    }

    @Override
    public int purgeUnusedSince(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM device_tokens WHERE last_used_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }
}

package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.OneTimeCode;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowViewMapper;

/** Emailed codes (their hashes) in {@code one_time_codes}. */
public final class JdbiOneTimeCodeRepository implements OneTimeCodeRepository {
    private static final RowViewMapper<OneTimeCode> CODE = row -> new OneTimeCode(
            row.getColumn("id", UUID.class),
            new UserId(row.getColumn("user_id", UUID.class)),
            row.getColumn("purpose", CodePurpose.class),
            row.getColumn("code_hash", String.class),
            row.getColumn("created_at", Instant.class),
            row.getColumn("expires_at", Instant.class),
            row.getColumn("attempts", Integer.class),
            row.getColumn("used_at", Instant.class));

    private final JdbiTransactions db;

    public JdbiOneTimeCodeRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Delete and insert in one transaction (joining the caller's, if any). */
    @Override
    public void replace(OneTimeCode code) {
        db.inTransaction(h -> {
            h.createUpdate("DELETE FROM one_time_codes WHERE user_id = :user_id AND purpose = :purpose")
                    .bind("user_id", code.userId().value())
                    .bind("purpose", code.purpose())
                    .execute();
            return h.createUpdate("""
                            INSERT INTO one_time_codes (id, user_id, purpose, code_hash, created_at, expires_at, attempts, used_at)
                            VALUES (:id, :user_id, :purpose, :code_hash, :created_at, :expires_at, :attempts, :used_at)
                            """)
                    .bind("id", code.id())
                    .bind("user_id", code.userId().value())
                    .bind("purpose", code.purpose())
                    .bind("code_hash", code.codeHash())
                    .bind("created_at", code.createdAt())
                    .bind("expires_at", code.expiresAt())
                    .bind("attempts", code.attempts())
                    .bindByType("used_at", code.usedAt(), Instant.class)
                    .execute();
        });
    }

    /**
     * The newest code, should two concurrent replaces both have inserted one: the older is then
     * unreachable, which is as good as removed.
     */
    @Override
    public Optional<OneTimeCode> findCurrent(UserId userId, CodePurpose purpose) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT id, user_id, purpose, code_hash, created_at, expires_at, attempts, used_at
                        FROM one_time_codes
                        WHERE user_id = :user_id AND purpose = :purpose
                        ORDER BY created_at DESC
                        LIMIT 1
                        """)
                .bind("user_id", userId.value())
                .bind("purpose", purpose)
                .map(CODE)
                .findOne());
    }

    @Override
    public boolean claimAttempt(UUID codeId, int maxAttempts) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE one_time_codes SET attempts = attempts + 1
                        WHERE id = :id AND used_at IS NULL AND attempts < :max_attempts
                        """)
                        .bind("id", codeId)
                        .bind("max_attempts", maxAttempts)
                        .execute())
                == 1;
    }

    @Override
    public boolean markUsed(UUID codeId, Instant now) {
        return db.withHandle(h ->
                        h.createUpdate("""
                        UPDATE one_time_codes SET used_at = :now WHERE id = :id AND used_at IS NULL
                        """).bind("id", codeId).bind("now", now).execute())
                == 1;
    }

    @Override
    public int purgeEndedBefore(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("""
                        DELETE FROM one_time_codes WHERE expires_at <= :cutoff OR used_at <= :cutoff
                        """).bind("cutoff", cutoff).execute());
    }
}

package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.MfaChallenge;
import dev.stockroom.core.account.domain.SecondFactor;
import dev.stockroom.core.account.domain.TotpSecret;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.SecondFactorRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowViewMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * TOTP factors in {@code totp_factors}, recovery-code hashes in {@code totp_recovery_codes} and
 * login challenges in {@code mfa_challenges}; all go with their user (the foreign keys cascade).
 * Each spend is one conditional update whose row count decides, so of concurrent spends one wins.
 */
public final class JdbiSecondFactors implements SecondFactorRepository {
    private static final RowViewMapper<SecondFactor> FACTOR = row -> new SecondFactor(
            new UserId(row.getColumn("user_id", UUID.class)),
            new TotpSecret(row.getColumn("secret", String.class)),
            row.getColumn("created_at", Instant.class),
            Optional.ofNullable(row.getColumn("enabled_at", Instant.class)),
            row.getColumn("last_used_step", Long.class));

    private static final RowViewMapper<MfaChallenge> CHALLENGE = row -> new MfaChallenge(
            row.getColumn("token_hash", String.class),
            new UserId(row.getColumn("user_id", UUID.class)),
            row.getColumn("created_at", Instant.class),
            row.getColumn("expires_at", Instant.class),
            row.getColumn("tries_left", Integer.class),
            Optional.ofNullable(row.getColumn("device_hash", String.class)));

    private final JdbiTransactions db;

    public JdbiSecondFactors(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<SecondFactor> find(UserId user) {
        return db.withHandle(h ->
                h.createQuery("""
                        SELECT user_id, secret, created_at, enabled_at, last_used_step
                        FROM totp_factors WHERE user_id = :user_id
                        """).bind("user_id", user.value()).map(FACTOR).findOne());
    }

    /** Deletes a pending row and inserts the new one unless an enabled row is left, in one transaction. */
    @Override
    public boolean putPending(SecondFactor pending) {
        if (pending.isEnabled()) {
            throw new IllegalArgumentException("not a pending factor");
        }
        return db.inTransaction(h -> {
            h.createUpdate("DELETE FROM totp_factors WHERE user_id = :user_id AND enabled_at IS NULL")
                    .bind("user_id", pending.user().value())
                    .execute();
            return h.createUpdate("""
                            INSERT INTO totp_factors (user_id, secret, created_at, enabled_at, last_used_step)
                            SELECT :user_id, :secret, :created_at, NULL, 0
                            WHERE NOT EXISTS (SELECT 1 FROM totp_factors WHERE user_id = :user_id)
                            """)
                            .bind("user_id", pending.user().value())
                            .bind("secret", pending.secret().base32())
                            .bind("created_at", pending.createdAt())
                            .execute()
                    == 1;
        });
    }

    @Override
    public boolean enable(UserId user, TotpSecret secret, long step, Instant now, List<String> recoveryCodeHashes) {
        List<String> hashes = List.copyOf(recoveryCodeHashes);
        return db.inTransaction(h -> {
            int enabled = h.createUpdate("""
                            UPDATE totp_factors SET enabled_at = :now, last_used_step = :step
                            WHERE user_id = :user_id AND enabled_at IS NULL AND secret = :secret
                            """)
                    .bind("now", now)
                    .bind("step", step)
                    .bind("user_id", user.value())
                    .bind("secret", secret.base32())
                    .execute();
            if (enabled != 1) {
                return false;
            }
            h.createUpdate("DELETE FROM totp_recovery_codes WHERE user_id = :user_id")
                    .bind("user_id", user.value())
                    .execute();
            if (!hashes.isEmpty()) {
                PreparedBatch batch = h.prepareBatch(
                        "INSERT INTO totp_recovery_codes (user_id, code_hash, used_at) VALUES (:user_id, :code_hash, NULL)");
                for (String hash : hashes) {
                    batch.bind("user_id", user.value()).bind("code_hash", hash).add();
                }
                batch.execute();
            }
            return true;
        });
    }

    @Override
    public boolean useStep(UserId user, long step) {
        return db.withHandle(h -> h.createUpdate("""
                                UPDATE totp_factors SET last_used_step = :step
                                WHERE user_id = :user_id AND enabled_at IS NOT NULL AND last_used_step < :step
                                """)
                        .bind("step", step)
                        .bind("user_id", user.value())
                        .execute())
                == 1;
    }

    @Override
    public boolean spendRecoveryCode(UserId user, String codeHash, Instant now) {
        return db.withHandle(h -> h.createUpdate("""
                                UPDATE totp_recovery_codes SET used_at = :now
                                WHERE user_id = :user_id AND code_hash = :code_hash AND used_at IS NULL
                                """)
                        .bind("now", now)
                        .bind("user_id", user.value())
                        .bind("code_hash", codeHash)
                        .execute())
                == 1;
    }

    @Override
    public int recoveryCodesLeft(UserId user) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM totp_recovery_codes WHERE user_id = :user_id AND used_at IS NULL")
                .bind("user_id", user.value())
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public boolean remove(UserId user) {
        return db.inTransaction(h -> {
            h.createUpdate("DELETE FROM totp_recovery_codes WHERE user_id = :user_id")
                    .bind("user_id", user.value())
                    .execute();
            h.createUpdate("DELETE FROM mfa_challenges WHERE user_id = :user_id")
                    .bind("user_id", user.value())
                    .execute();
            return h.createUpdate("DELETE FROM totp_factors WHERE user_id = :user_id")
                            .bind("user_id", user.value())
                            .execute()
                    == 1;
        });
    }

    /** A hash already stored is refused by the primary key. */
    @Override
    public void addChallenge(MfaChallenge challenge) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO mfa_challenges (token_hash, user_id, created_at, expires_at, tries_left, device_hash)
                        VALUES (:token_hash, :user_id, :created_at, :expires_at, :tries_left, :device_hash)
                        """)
                .bind("token_hash", challenge.tokenHash())
                .bind("user_id", challenge.user().value())
                .bind("created_at", challenge.createdAt())
                .bind("expires_at", challenge.expiresAt())
                .bind("tries_left", challenge.triesLeft())
                .bindByType("device_hash", challenge.deviceHash().orElse(null), String.class)
                .execute());
    }

    @Override
    public Optional<MfaChallenge> findChallenge(String tokenHash) {
        return db.withHandle(h ->
                h.createQuery("""
                        SELECT token_hash, user_id, created_at, expires_at, tries_left, device_hash
                        FROM mfa_challenges WHERE token_hash = :token_hash
                        """).bind("token_hash", tokenHash).map(CHALLENGE).findOne());
    }

    @Override
    public boolean takeTry(String tokenHash, Instant now) {
        return db.withHandle(h -> h.createUpdate("""
                                UPDATE mfa_challenges SET tries_left = tries_left - 1
                                WHERE token_hash = :token_hash AND tries_left > 0 AND expires_at > :now
                                """)
                        .bind("token_hash", tokenHash)
                        .bind("now", now)
                        .execute())
                == 1;
    }

    @Override
    public boolean removeChallenge(String tokenHash) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM mfa_challenges WHERE token_hash = :token_hash")
                        .bind("token_hash", tokenHash)
                        .execute())
                == 1;
    }

    @Override
    public int purgeExpiredChallenges(Instant now) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM mfa_challenges WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
    }
}

package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.EmailChangeRequest;
import dev.stockroom.core.account.domain.EmailChangeUndo;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.EmailChangeRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowViewMapper;

/** Pending email changes in {@code email_change_requests}, the ways back in {@code email_change_undos}. */
public final class JdbiEmailChangeRepository implements EmailChangeRepository {
    private static final RowViewMapper<EmailChangeRequest> REQUEST = row -> new EmailChangeRequest(
            new UserId(row.getColumn("user_id", UUID.class)),
            new EmailAddress(row.getColumn("new_email", String.class)),
            row.getColumn("requested_at", Instant.class),
            row.getColumn("expires_at", Instant.class));

    private static final RowViewMapper<EmailChangeUndo> UNDO = row -> new EmailChangeUndo(
            row.getColumn("id", UUID.class),
            new UserId(row.getColumn("user_id", UUID.class)),
            new EmailAddress(row.getColumn("old_email", String.class)),
            new EmailAddress(row.getColumn("new_email", String.class)),
            row.getColumn("code_hash", String.class),
            row.getColumn("created_at", Instant.class),
            row.getColumn("expires_at", Instant.class),
            row.getColumn("attempts", Integer.class));

    private final JdbiTransactions db;

    public JdbiEmailChangeRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Delete and insert in one transaction (joining the caller's, if any). */
    @Override
    public void replaceRequest(EmailChangeRequest request) {
        db.inTransaction(h -> {
            h.createUpdate("DELETE FROM email_change_requests WHERE user_id = :user_id")
                    .bind("user_id", request.userId().value())
                    .execute();
            return h.createUpdate("""
                            INSERT INTO email_change_requests (user_id, new_email, requested_at, expires_at)
                            VALUES (:user_id, :new_email, :requested_at, :expires_at)
                            """)
                    .bind("user_id", request.userId().value())
                    .bind("new_email", request.newEmail().value())
                    .bind("requested_at", request.requestedAt())
                    .bind("expires_at", request.expiresAt())
                    .execute();
        });
    }

    @Override
    public Optional<EmailChangeRequest> findRequest(UserId userId) {
        return db.withHandle(h ->
                h.createQuery("""
                        SELECT user_id, new_email, requested_at, expires_at
                        FROM email_change_requests WHERE user_id = :user_id
                        """).bind("user_id", userId.value()).map(REQUEST).findOne());
    }

    @Override
    public boolean removeRequest(UserId userId) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM email_change_requests WHERE user_id = :user_id")
                        .bind("user_id", userId.value())
                        .execute())
                == 1;
    }

    @Override
    public void addUndo(EmailChangeUndo undo) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO email_change_undos
                            (id, user_id, old_email, old_email_key, new_email, code_hash, created_at, expires_at, attempts)
                        VALUES (:id, :user_id, :old_email, :old_email_key, :new_email, :code_hash, :created_at,
                                :expires_at, :attempts)
                        """)
                .bind("id", undo.id())
                .bind("user_id", undo.userId().value())
                .bind("old_email", undo.oldEmail().value())
                .bind("old_email_key", undo.oldEmail().key())
                .bind("new_email", undo.newEmail().value())
                .bind("code_hash", undo.codeHash())
                .bind("created_at", undo.createdAt())
                .bind("expires_at", undo.expiresAt())
                .bind("attempts", undo.attempts())
                .execute());
    }

    @Override
    public List<EmailChangeUndo> findUndosTo(EmailAddress oldEmail) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT id, user_id, old_email, new_email, code_hash, created_at, expires_at, attempts
                        FROM email_change_undos WHERE old_email_key = :old_email_key
                        ORDER BY created_at DESC, id
                        """)
                .bind("old_email_key", oldEmail.key())
                .map(UNDO)
                .list());
    }

    @Override
    public boolean claimUndoAttempt(UUID undoId, int maxAttempts) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE email_change_undos SET attempts = attempts + 1
                        WHERE id = :id AND attempts < :max_attempts
                        """)
                        .bind("id", undoId)
                        .bind("max_attempts", maxAttempts)
                        .execute())
                == 1;
    }

    @Override
    public int removeUndosOf(UserId userId) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM email_change_undos WHERE user_id = :user_id")
                .bind("user_id", userId.value())
                .execute());
    }

    @Override
    public int purgeExpiredBefore(Instant cutoff) {
        return db.inTransaction(h -> h.createUpdate("DELETE FROM email_change_requests WHERE expires_at <= :cutoff")
                        .bind("cutoff", cutoff)
                        .execute()
                + h.createUpdate("DELETE FROM email_change_undos WHERE expires_at <= :cutoff")
                        .bind("cutoff", cutoff)
                        .execute());
    }
}

package dev.stockroom.adapters.persistence.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.notification.domain.OutboxStats;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.LanguageTag;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowViewMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The outbox table. A claim is a lease: it moves the message's {@code next_attempt_at} to the end
 * of the lease and writes the claimer into {@code claimed_by}, so the message is due again only if
 * the claimer neither sends it nor schedules a retry in time. Every later step is one conditional
 * statement on {@code claimed_by}, so a claimer that lost the message to another changes nothing.
 * A sent message is deleted, and with it any code among its values.
 */
public final class JdbiOutbox implements Outbox {
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {};
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Status {
        PENDING,
        FAILED
    }

    private static final RowViewMapper<OutboxMessage> MESSAGE = row -> new OutboxMessage(
            row.getColumn("id", UUID.class),
            new Notification(
                    row.getColumn("kind", NotificationKind.class),
                    row.getColumn("recipient", String.class),
                    fromJson(row.getColumn("payload", String.class)),
                    new LanguageTag(row.getColumn("locale", String.class))),
            row.getColumn("created_at", Instant.class),
            row.getColumn("attempts", Integer.class),
            row.getColumn("next_attempt_at", Instant.class),
            row.getColumn("last_error", String.class));

    private final JdbiTransactions db;

    public JdbiOutbox(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void enqueue(Notification notification, Instant now) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO outbox (id, kind, recipient, payload, locale, status, created_at, attempts,
                                            next_attempt_at)
                        VALUES (:id, :kind, :recipient, :payload, :locale, :status, :now, 0, :now)
                        """)
                .bind("id", UUID.randomUUID())
                .bind("kind", notification.kind())
                .bind("recipient", notification.recipient())
                .bind("payload", toJson(notification.values()))
                .bind("locale", notification.locale().value())
                .bind("status", Status.PENDING)
                .bind("now", now)
                .execute());
    }

    /**
     * Locks the due rows it reads and skips rows another claimer holds, then leases them, in one
     * transaction. The lease update repeats the due condition, so a row that another claimer
     * leased in the meantime is left out even where rows are not skipped but waited for.
     */
    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, Instant leaseUntil, UUID claimer) {
        if (limit < 1) {
            return List.of();
        }
        return db.inTransaction(h -> {
            List<OutboxMessage> due = h.createQuery("""
                            SELECT id, kind, recipient, payload, locale, created_at, attempts, next_attempt_at,
                                   last_error
                            FROM outbox
                            WHERE status = :status AND next_attempt_at <= :now
                            ORDER BY next_attempt_at
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED
                            """)
                    .bind("status", Status.PENDING)
                    .bind("now", now)
                    .bind("limit", limit)
                    .map(MESSAGE)
                    .list();
            if (due.isEmpty()) {
                return due;
            }
            PreparedBatch lease = h.prepareBatch("""
                    UPDATE outbox SET next_attempt_at = :lease_until, claimed_by = :claimer
                    WHERE id = :id AND status = :status AND next_attempt_at <= :now
                    """);
            for (OutboxMessage message : due) {
                lease.bind("id", message.id())
                        .bind("status", Status.PENDING)
                        .bind("now", now)
                        .bind("lease_until", leaseUntil)
                        .bind("claimer", claimer)
                        .add();
            }
            int[] leased = lease.execute();
            List<OutboxMessage> claimed = new ArrayList<>(due.size());
            for (int i = 0; i < due.size(); i++) {
                if (leased[i] == 1) {
                    claimed.add(due.get(i));
                }
            }
            return claimed;
        });
    }

    /** The lease runs at {@code now} exactly when {@code next_attempt_at}, its end, is later. */
    @Override
    public boolean renew(UUID id, UUID claimer, Instant now, Instant leaseUntil) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE outbox SET next_attempt_at = :lease_until
                        WHERE id = :id AND claimed_by = :claimer AND status = :status AND next_attempt_at > :now
                        """)
                        .bind("id", id)
                        .bind("claimer", claimer)
                        .bind("status", Status.PENDING)
                        .bind("now", now)
                        .bind("lease_until", leaseUntil)
                        .execute())
                == 1;
    }

    @Override
    public boolean markSent(UUID id, UUID claimer, Instant now) {
        return db.withHandle(h -> h.createUpdate("""
                        DELETE FROM outbox WHERE id = :id AND claimed_by = :claimer AND status = :status
                        """)
                        .bind("id", id)
                        .bind("claimer", claimer)
                        .bind("status", Status.PENDING)
                        .execute())
                == 1;
    }

    @Override
    public boolean markRetry(UUID id, UUID claimer, int attempts, String error, Instant nextAttemptAt) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE outbox SET attempts = :attempts, last_error = :error, next_attempt_at = :next_attempt_at,
                                          claimed_by = NULL
                        WHERE id = :id AND claimed_by = :claimer AND status = :status
                        """)
                        .bind("id", id)
                        .bind("claimer", claimer)
                        .bind("status", Status.PENDING)
                        .bind("attempts", attempts)
                        .bind("error", error)
                        .bind("next_attempt_at", nextAttemptAt)
                        .execute())
                == 1;
    }

    @Override
    public boolean markFailed(UUID id, UUID claimer, int attempts, String error, Instant now) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE outbox SET status = :failed, attempts = :attempts, last_error = :error, failed_at = :now,
                                          claimed_by = NULL
                        WHERE id = :id AND claimed_by = :claimer AND status = :pending
                        """)
                        .bind("id", id)
                        .bind("claimer", claimer)
                        .bind("failed", Status.FAILED)
                        .bind("pending", Status.PENDING)
                        .bind("attempts", attempts)
                        .bind("error", error)
                        .bind("now", now)
                        .execute())
                == 1;
    }

    @Override
    public boolean release(UUID id, UUID claimer, Instant dueAt) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE outbox SET next_attempt_at = :due_at, claimed_by = NULL
                        WHERE id = :id AND claimed_by = :claimer AND status = :status
                        """)
                        .bind("id", id)
                        .bind("claimer", claimer)
                        .bind("status", Status.PENDING)
                        .bind("due_at", dueAt)
                        .execute())
                == 1;
    }

    @Override
    public OutboxStats stats() {
        return db.withHandle(h -> h.createQuery("""
                        SELECT COALESCE(SUM(CASE WHEN status = :pending THEN 1 ELSE 0 END), 0) AS pending,
                               COALESCE(SUM(CASE WHEN status = :failed THEN 1 ELSE 0 END), 0) AS failed,
                               MIN(CASE WHEN status = :pending THEN created_at END) AS oldest_pending
                        FROM outbox
                        """)
                .bind("pending", Status.PENDING)
                .bind("failed", Status.FAILED)
                .map(row -> new OutboxStats(
                        row.getColumn("pending", Long.class),
                        row.getColumn("failed", Long.class),
                        Optional.ofNullable(row.getColumn("oldest_pending", Instant.class))))
                .one());
    }

    private static String toJson(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> fromJson(String payload) {
        try {
            return JSON.readValue(payload, VALUES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.row.Columns;
import dev.stockroom.adapters.persistence.row.Where;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.AuditQuery;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.shared.Page;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * The audit trail in {@code audit_events}: inserted, read and purged, never updated. The ids it
 * keeps (user, actor, session) have no foreign keys, so the trail outlives what it is about.
 */
public final class JdbiAuditLog implements AuditLog {
    private static final String SELECT = """
            SELECT id, at, kind, user_id, username, actor_id, ip, user_agent, session_id, detail FROM audit_events
            """;
    // Newest first; the id settles ties, so that pages are stable.
    private static final String NEWEST_FIRST = " ORDER BY at DESC, id";
    private static final RowMapper<AuditEvent> EVENT = (rs, ctx) -> new AuditEvent(
            Columns.uuid(rs, "id"),
            Columns.instant(rs, "at"),
            Columns.enumValue(rs, "kind", AuditKind.class),
            Optional.ofNullable(Columns.uuid(rs, "user_id")).map(UserId::new),
            Optional.ofNullable(rs.getString("username")).map(Username::new),
            Optional.ofNullable(Columns.uuid(rs, "actor_id")).map(UserId::new),
            Origin.of(rs.getString("ip"), rs.getString("user_agent")),
            Optional.ofNullable(Columns.uuid(rs, "session_id")).map(SessionId::new),
            Optional.ofNullable(rs.getString("detail")));

    private final JdbiTransactions db;

    public JdbiAuditLog(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void append(AuditEvent event) {
        db.withHandle(h -> {
            Update insert = h.createUpdate("""
                    INSERT INTO audit_events
                        (id, at, kind, user_id, username, actor_id, ip, user_agent, session_id, detail)
                    VALUES (:id, :at, :kind, :user_id, :username, :actor_id, :ip, :user_agent, :session_id, :detail)
                    """)
                    .bind("id", event.id())
                    .bind("at", event.at())
                    .bind("kind", event.kind().name())
                    .bindByType(
                            "username", event.username().map(Username::value).orElse(null), String.class)
                    .bindByType("ip", event.origin().address().orElse(null), String.class)
                    .bindByType("user_agent", event.origin().userAgent().orElse(null), String.class)
                    .bindByType("detail", event.detail().orElse(null), String.class);
            bindUuid(insert, "user_id", event.userId().map(UserId::value));
            bindUuid(insert, "actor_id", event.actor().map(UserId::value));
            bindUuid(insert, "session_id", event.sessionId().map(SessionId::value));
            return insert.execute();
        });
    }

    /**
     * A null of no particular type: JDBI binds an absent UUID as a VARCHAR null, which PostgreSQL
     * refuses for a uuid column.
     */
    private static void bindUuid(Update statement, String name, Optional<UUID> value) {
        if (value.isPresent()) {
            statement.bind(name, value.get());
        } else {
            statement.bindNull(name, Types.OTHER);
        }
    }

    /** Counts the matches, then reads the page, on one handle; the offset is bound as a long. */
    @Override
    public Page<AuditEvent> find(AuditQuery query) {
        Where where = new Where();
        query.user().ifPresent(user -> where.and("user_id = :user_id", "user_id", user.value()));
        query.kind().ifPresent(kind -> where.and("kind = :kind", "kind", kind.name()));
        query.since().ifPresent(since -> where.and("at >= :since", "since", since));
        query.until().ifPresent(until -> where.and("at < :until", "until", until));
        return db.withHandle(h -> {
            long total = where.bind(h.createQuery("SELECT COUNT(*) FROM audit_events" + where.sql()))
                    .mapTo(Long.class)
                    .one();
            List<AuditEvent> items = where.bind(
                            h.createQuery(SELECT + where.sql() + NEWEST_FIRST + " LIMIT :limit OFFSET :offset"))
                    .bind("limit", query.page().pageSize())
                    .bind("offset", query.page().offset())
                    .map(EVENT)
                    .list();
            return query.page().of(items, total);
        });
    }

    @Override
    public int forgetPersonalDataOf(UserId user) {
        return db.withHandle(
                h -> h.createUpdate("""
                        UPDATE audit_events SET username = NULL, ip = NULL, user_agent = NULL
                        WHERE user_id = :user_id
                        """).bind("user_id", user.value()).execute());
    }

    @Override
    public List<AuditEvent> latestOf(UserId user, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.withHandle(h -> h.createQuery(SELECT + "WHERE user_id = :user_id" + NEWEST_FIRST + " LIMIT :limit")
                .bind("user_id", user.value())
                .bind("limit", limit)
                .map(EVENT)
                .list());
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM audit_events WHERE at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }
}

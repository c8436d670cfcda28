package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.row.Columns;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.RefreshToken;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Sessions and the refresh tokens rotated from them, in {@code sessions} and {@code refresh_tokens}. */
public final class JdbiSessionRepository implements SessionRepository {
    private static final String SELECT = """
            SELECT id, user_id, kind, created_at, expires_at, revoked_at, ip, user_agent, last_used_at FROM sessions
            """;
    private static final RowMapper<Session> SESSION = (rs, ctx) -> new Session(
            new SessionId(Columns.uuid(rs, "id")),
            new UserId(Columns.uuid(rs, "user_id")),
            Columns.enumValue(rs, "kind", SessionKind.class),
            Columns.instant(rs, "created_at"),
            Columns.instant(rs, "expires_at"),
            Columns.instant(rs, "revoked_at"),
            Origin.of(rs.getString("ip"), rs.getString("user_agent")),
            Columns.instant(rs, "last_used_at"));
    private static final RowMapper<RefreshToken> REFRESH_TOKEN = (rs, ctx) -> new RefreshToken(
            rs.getString("hash"),
            new SessionId(Columns.uuid(rs, "session_id")),
            Columns.instant(rs, "issued_at"),
            Columns.instant(rs, "spent_at"));

    // The user's columns under their own names (JdbiUserRepository's mapper reads them), the
    // session's under s_ names.
    private static final String SESSION_WITH_OWNER = """
            SELECT s.id AS s_id, s.kind AS s_kind, s.created_at AS s_created_at, s.expires_at AS s_expires_at,
                   s.revoked_at AS s_revoked_at, s.ip AS s_ip, s.user_agent AS s_user_agent,
                   s.last_used_at AS s_last_used_at,
                   u.id, u.first_name, u.last_name, u.username, u.email, u.password_hash, u.auth_status, u.role,
                   u.created_at, u.updated_at, u.disabled, u.last_login_at, u.locale
            FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.id = :id
            """;
    private static final RowMapper<SessionOwner> SESSION_OWNER = (rs, ctx) -> {
        User user = JdbiUserRepository.USER.map(rs, ctx);
        return new SessionOwner(
                new Session(
                        new SessionId(Columns.uuid(rs, "s_id")),
                        user.id(),
                        Columns.enumValue(rs, "s_kind", SessionKind.class),
                        Columns.instant(rs, "s_created_at"),
                        Columns.instant(rs, "s_expires_at"),
                        Columns.instant(rs, "s_revoked_at"),
                        Origin.of(rs.getString("s_ip"), rs.getString("s_user_agent")),
                        Columns.instant(rs, "s_last_used_at")),
                user);
    };

    private final JdbiTransactions db;

    public JdbiSessionRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void add(Session session) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO sessions (id, user_id, kind, created_at, expires_at, revoked_at, ip, user_agent,
                                              last_used_at)
                        VALUES (:id, :user_id, :kind, :created_at, :expires_at, :revoked_at, :ip, :user_agent,
                                :last_used_at)
                        """)
                .bind("id", session.id().value())
                .bind("user_id", session.userId().value())
                .bind("kind", session.kind())
                .bind("created_at", session.createdAt())
                .bind("expires_at", session.expiresAt())
                .bindByType("revoked_at", session.revokedAt(), Instant.class)
                .bindByType("ip", session.origin().address().orElse(null), String.class)
                .bindByType("user_agent", session.origin().userAgent().orElse(null), String.class)
                .bind("last_used_at", session.lastUsedAt())
                .execute());
    }

    @Override
    public Optional<Session> findById(SessionId id) {
        return db.withHandle(h -> h.createQuery(SELECT + "WHERE id = :id")
                .bind("id", id.value())
                .map(SESSION)
                .findOne());
    }

    /** One query when the users live in this database too; the two look-ups otherwise. */
    @Override
    public Optional<SessionOwner> findWithOwner(SessionId id, UserRepository users) {
        if (!(users instanceof JdbiUserRepository jdbiUsers) || !jdbiUsers.sharesDatabaseWith(db)) {
            return SessionRepository.super.findWithOwner(id, users);
        }
        return db.withHandle(h -> h.createQuery(SESSION_WITH_OWNER)
                .bind("id", id.value())
                .map(SESSION_OWNER)
                .findOne());
    }

    /** Live as {@link Session#isActive}: not revoked, and expiring after {@code now}. */
    @Override
    public List<Session> findActiveOf(UserId userId, SessionKind kind, Instant now) {
        return db.withHandle(h -> h.createQuery(SELECT + """
                        WHERE user_id = :user_id AND kind = :kind AND revoked_at IS NULL AND expires_at > :now
                        ORDER BY created_at DESC, id
                        """)
                .bind("user_id", userId.value())
                .bind("kind", kind.name())
                .bind("now", now)
                .map(SESSION)
                .list());
    }

    /** One conditional update: of concurrent refreshes the latest time stays, whichever commits last. */
    @Override
    public void touch(SessionId id, Instant at) {
        db.withHandle(
                h -> h.createUpdate("UPDATE sessions SET last_used_at = :at WHERE id = :id AND last_used_at < :at")
                        .bind("id", id.value())
                        .bind("at", at)
                        .execute());
    }

    @Override
    public boolean revoke(SessionId id, Instant now) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL
                        """)
                        .bind("id", id.value())
                        .bind("now", now)
                        .execute())
                == 1;
    }

    @Override
    public int revokeAllOf(UserId userId, Instant now) {
        return db.withHandle(h -> h.createUpdate("""
                        UPDATE sessions SET revoked_at = :now WHERE user_id = :user_id AND revoked_at IS NULL
                        """)
                .bind("user_id", userId.value())
                .bind("now", now)
                .execute());
    }

    @Override
    public void addRefreshToken(RefreshToken token) {
        db.withHandle(h -> h.createUpdate("""
                        INSERT INTO refresh_tokens (hash, session_id, issued_at, spent_at)
                        VALUES (:hash, :session_id, :issued_at, :spent_at)
                        """)
                .bind("hash", token.hash())
                .bind("session_id", token.sessionId().value())
                .bind("issued_at", token.issuedAt())
                .bindByType("spent_at", token.spentAt(), Instant.class)
                .execute());
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(String hash) {
        return db.withHandle(
                h -> h.createQuery("""
                        SELECT hash, session_id, issued_at, spent_at FROM refresh_tokens WHERE hash = :hash
                        """).bind("hash", hash).map(REFRESH_TOKEN).findOne());
    }

    /** The row count of one conditional update decides the winner; no read comes first. */
    @Override
    public boolean spendRefreshToken(String hash, Instant now) {
        return db.withHandle(h ->
                        h.createUpdate("""
                        UPDATE refresh_tokens SET spent_at = :now WHERE hash = :hash AND spent_at IS NULL
                        """).bind("hash", hash).bind("now", now).execute())
                == 1;
    }

    @Override
    public int purgeSpentRefreshTokens(Instant cutoff) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM refresh_tokens WHERE spent_at <= :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }

    /**
     * The tokens first, explicitly, though the foreign key would cascade: the two statements
     * commit one by one (outside a caller's transaction), so neither holds its locks for long.
     * Nothing can add a token to a session that has ended, so none is left between them.
     */
    @Override
    public int purgeEndedSessions(Instant cutoff) {
        return db.withHandle(h -> {
            h.createUpdate("""
                            DELETE FROM refresh_tokens WHERE session_id IN (
                                SELECT id FROM sessions WHERE (revoked_at <= :cutoff OR expires_at <= :cutoff))
                            """).bind("cutoff", cutoff).execute();
            return h.createUpdate("DELETE FROM sessions WHERE (revoked_at <= :cutoff OR expires_at <= :cutoff)")
                    .bind("cutoff", cutoff)
                    .execute();
        });
    }
}

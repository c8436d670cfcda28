package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.row.Columns;
import dev.stockroom.adapters.persistence.row.Like;
import dev.stockroom.adapters.persistence.row.Where;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.UserQuery;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.LanguageTag;
import dev.stockroom.core.shared.Page;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementException;

/** Users in the {@code users} table; the unique constraints on the key columns decide uniqueness. */
public final class JdbiUserRepository implements UserRepository {
    private static final String USERNAME_CONSTRAINT = "uq_users_username_key";
    private static final String EMAIL_CONSTRAINT = "uq_users_email_key";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = """
            SELECT id, first_name, last_name, username, email, password_hash, auth_status, role, created_at, updated_at,
                   disabled, last_login_at, locale
            FROM users
            """;
    private static final String MATCHES_SEARCH =
            "(username_key LIKE :search" + Like.ESCAPE_CLAUSE + " OR email_key LIKE :search" + Like.ESCAPE_CLAUSE + ")";
    static final RowMapper<User> USER = (rs, ctx) -> User.rehydrate(
            new UserId(Columns.uuid(rs, "id")),
            new PersonName(rs.getString("first_name")),
            new PersonName(rs.getString("last_name")),
            new Username(rs.getString("username")),
            new EmailAddress(rs.getString("email")),
            rs.getString("password_hash"),
            Columns.enumValue(rs, "auth_status", AuthStatus.class),
            Columns.enumValue(rs, "role", Role.class),
            Columns.instant(rs, "created_at"),
            Columns.instant(rs, "updated_at"),
            rs.getBoolean("disabled"),
            Columns.instant(rs, "last_login_at"),
            new LanguageTag(rs.getString("locale")));

    private final JdbiTransactions db;

    public JdbiUserRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Whether this repository's users live in the database {@code other} reaches (so a join can reach them). */
    boolean sharesDatabaseWith(JdbiTransactions other) {
        return db == other;
    }

    @Override
    public void add(User user) {
        db.withHandle(h -> {
            try {
                return bindAll(h.createUpdate("""
                        INSERT INTO users (id, first_name, last_name, username, username_key, email, email_key,
                                           password_hash, auth_status, role, created_at, updated_at, disabled,
                                           last_login_at, locale)
                        VALUES (:id, :first_name, :last_name, :username, :username_key, :email, :email_key,
                                :password_hash, :auth_status, :role, :created_at, :updated_at, :disabled,
                                :last_login_at, :locale)
                        """), user)
                        .bindByType("last_login_at", user.lastLoginAt().orElse(null), Instant.class)
                        .execute();
            } catch (StatementException e) {
                throw uniquenessFailure(e);
            }
        });
    }

    /**
     * Writes every field but the last login, which only {@link #recordLogin} moves: a use case
     * that read the user before a concurrent login and writes it back after would otherwise put
     * the older time back.
     */
    @Override
    public void update(User user) {
        db.withHandle(h -> {
            try {
                return bindAll(h.createUpdate("""
                        UPDATE users
                        SET first_name = :first_name, last_name = :last_name, username = :username,
                            username_key = :username_key, email = :email, email_key = :email_key,
                            password_hash = :password_hash, auth_status = :auth_status, role = :role,
                            created_at = :created_at, updated_at = :updated_at, disabled = :disabled,
                            locale = :locale
                        WHERE id = :id
                        """), user).execute();
            } catch (StatementException e) {
                throw uniquenessFailure(e);
            }
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findOne("WHERE id = :value", id.value());
    }

    /** The foreign keys of sessions, codes, device tokens and email changes cascade the deletion. */
    @Override
    public boolean remove(UserId id) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM users WHERE id = :id")
                        .bind("id", id.value())
                        .execute())
                == 1;
    }

    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
        return findOne("WHERE id = :value FOR UPDATE", id.value());
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return findOne("WHERE username_key = :value", username.key());
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return findOne("WHERE email_key = :value", email.key());
    }

    @Override
    public void recordLogin(UserId id, Instant at) {
        db.withHandle(h -> h.createUpdate("UPDATE users SET last_login_at = :at WHERE id = :id")
                .bind("id", id.value())
                .bind("at", at)
                .execute());
    }

    /**
     * Counts the matches, then reads the page, on one handle. The search runs on the lower-cased
     * key columns, so case is ignored the same way as by the look-ups and on both databases. The
     * offset is bound as a long, as the product list does.
     */
    @Override
    public Page<User> find(UserQuery query) {
        Where where = new Where();
        query.searchKey().ifPresent(key -> where.and(MATCHES_SEARCH, "search", Like.containing(key)));
        query.status().ifPresent(status -> where.and("auth_status = :auth_status", "auth_status", status.name()));
        query.role().ifPresent(role -> where.and("role = :role", "role", role.name()));
        query.disabled().ifPresent(disabled -> where.and("disabled = :disabled", "disabled", disabled));
        return db.withHandle(h -> {
            long total = where.bind(h.createQuery("SELECT COUNT(*) FROM users" + where.sql()))
                    .mapTo(Long.class)
                    .one();
            List<User> items = where.bind(h.createQuery(
                            SELECT + where.sql() + " ORDER BY created_at, id LIMIT :limit OFFSET :offset"))
                    .bind("limit", query.page().pageSize())
                    .bind("offset", query.page().offset())
                    .map(USER)
                    .list();
            return query.page().of(items, total);
        });
    }

    /**
     * Locks the rows with {@code SELECT … FOR UPDATE} and counts them here: PostgreSQL allows no
     * aggregate with FOR UPDATE. A second transaction that counts meanwhile waits for the first to
     * end and then sees its change (under READ COMMITTED both databases re-check a locked row
     * that changed against the condition), so two admins demoting each other at once cannot both
     * count the other.
     */
    @Override
    public int countEnabledWithRoleForUpdate(Role role) {
        return db.withHandle(h -> h.createQuery("""
                        SELECT id FROM users WHERE role = :role AND disabled = FALSE ORDER BY id FOR UPDATE
                        """)
                .bind("role", role.name())
                .mapTo(UUID.class)
                .list()
                .size());
    }

    private Optional<User> findOne(String where, Object value) {
        return db.withHandle(h ->
                h.createQuery(SELECT + where).bind("value", value).map(USER).findOne());
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, User user) {
        return statement
                .bind("id", user.id().value())
                .bind("first_name", user.firstName().value())
                .bind("last_name", user.lastName().value())
                .bind("username", user.username().value())
                .bind("username_key", user.username().key())
                .bind("email", user.email().value())
                .bind("email_key", user.email().key())
                .bind("password_hash", user.passwordHash())
                .bind("auth_status", user.status())
                .bind("role", user.role())
                .bind("created_at", user.createdAt())
                .bind("updated_at", user.updatedAt())
                .bind("disabled", user.isDisabled())
                .bind("locale", user.locale().value());
    }

    /**
     * Tells which unique constraint a violation hit. H2 and PostgreSQL both name the constraint
     * in the message before the offending values; a value may itself read like a constraint name
     * (a username may be "uq_users_email_key"), so the name that comes first is the one hit.
     */
    private static RuntimeException uniquenessFailure(StatementException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && sql.getMessage() != null) {
                String message = sql.getMessage().toLowerCase(Locale.ROOT);
                int username = message.indexOf(USERNAME_CONSTRAINT);
                int email = message.indexOf(EMAIL_CONSTRAINT);
                if (username >= 0 && (email < 0 || username < email)) {
                    return new AccountFailure.UsernameTaken();
                }
                if (email >= 0) {
                    return new AccountFailure.EmailTaken();
                }
            }
        }
        return e;
    }
}

package dev.stockroom.adapters.persistence.account;

import dev.stockroom.adapters.persistence.row.Columns;
import dev.stockroom.adapters.persistence.transaction.JdbiTransactions;
import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.out.UserRepository;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementException;

/** Users in the {@code users} table; the unique constraints on the key columns decide uniqueness. */
public final class JdbiUserRepository implements UserRepository {
    private static final String USERNAME_CONSTRAINT = "uq_users_username_key";
    private static final String EMAIL_CONSTRAINT = "uq_users_email_key";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = """
            SELECT id, first_name, last_name, username, email, password_hash, auth_status, role, created_at, updated_at
            FROM users
            """;
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
            Columns.instant(rs, "updated_at"));

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
                                           password_hash, auth_status, role, created_at, updated_at)
                        VALUES (:id, :first_name, :last_name, :username, :username_key, :email, :email_key,
                                :password_hash, :auth_status, :role, :created_at, :updated_at)
                        """), user).execute();
            } catch (StatementException e) {
                throw uniquenessFailure(e);
            }
        });
    }

    @Override
    public void update(User user) {
        db.withHandle(h -> {
            try {
                return bindAll(h.createUpdate("""
                        UPDATE users
                        SET first_name = :first_name, last_name = :last_name, username = :username,
                            username_key = :username_key, email = :email, email_key = :email_key,
                            password_hash = :password_hash, auth_status = :auth_status, role = :role,
                            created_at = :created_at, updated_at = :updated_at
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

    @Override
    public Optional<User> findByUsername(Username username) {
        return findOne("WHERE username_key = :value", username.key());
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return findOne("WHERE email_key = :value", email.key());
    }

    private Optional<User> findOne(String where, Object value) {
        return db.withHandle(h -> h.createQuery(SELECT + where).bind("value", value).map(USER).findOne());
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
                .bind("updated_at", user.updatedAt());
    }

    /**
     * Tells which unique constraint a violation hit. H2 and PostgreSQL both name the constraint
     * in the message before the offending values; a value may itself read like a constraint name
     * (a username may be "uq_users_email_key"), so the name that comes first is the one hit.
     */
    private static RuntimeException uniquenessFailure(StatementException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
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

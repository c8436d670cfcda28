package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.UserQuery;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.shared.Page;
import java.time.Instant;
import java.util.Optional;

public interface UserRepository {

    /**
     * Stores a new user. Uniqueness of username and email (without regard to case) is decided by
     * the store itself, races included.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.UsernameTaken when the username is taken
     * @throws dev.stockroom.core.account.domain.AccountFailure.EmailTaken    when the email is taken
     */
    void add(User user);

    /** Replaces the stored user with the same id; its last login stays as stored (only {@link #recordLogin} moves it). */
    void update(User user);

    Optional<User> findById(UserId id);

    /**
     * Deletes the user, and with it everything stored under the user's id that is not history
     * (sessions and their refresh tokens, codes, device tokens, pending email changes), so that the
     * username and email are free again.
     *
     * @return true when this call deleted the user
     */
    boolean remove(UserId id);

    /**
     * As {@link #findById}, locking the user until the transaction ends, so that a read-then-update
     * (an admin's change) cannot lose a concurrent one. This default does not lock; a database
     * adapter should ({@code SELECT ... FOR UPDATE}).
     */
    default Optional<User> findByIdForUpdate(UserId id) {
        return findById(id);
    }

    /** Matches without regard to case. */
    Optional<User> findByUsername(Username username);

    /** Matches without regard to case. */
    Optional<User> findByEmail(EmailAddress email);

    /** Records a login without touching anything else of the user (a concurrent change of the user is kept). */
    void recordLogin(UserId id, Instant at);

    /** The users matching the query, oldest account first (ties by id). */
    Page<User> find(UserQuery query);

    /**
     * Counts the enabled users with {@code role}, locking them until the transaction ends, so that
     * two concurrent changes cannot each see the other's admin and together leave none. Call it
     * inside a transaction.
     */
    int countEnabledWithRoleForUpdate(Role role);
}

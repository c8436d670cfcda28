package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
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

    /** Replaces the stored user with the same id. */
    void update(User user);

    Optional<User> findById(UserId id);

    /** Matches without regard to case. */
    Optional<User> findByUsername(Username username);

    /** Matches without regard to case. */
    Optional<User> findByEmail(EmailAddress email);
}

package dev.stockroom.examples.embedding;

import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.UserQuery;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The adapter under test in the swapping example: a user store of one's own. It keeps the users in
 * the store it is given and records the usernames added, as an adapter that also feeds a search
 * index or a CRM might.
 */
final class RecordingUserRepository implements UserRepository {
    private final UserRepository store;
    private final List<String> added = new CopyOnWriteArrayList<>();

    RecordingUserRepository(UserRepository store) {
        this.store = store;
    }

    List<String> added() {
        return List.copyOf(added);
    }

    @Override
    public void add(User user) {
        store.add(user);
        added.add(user.username().value());
    }

    @Override
    public void update(User user) {
        store.update(user);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return store.findById(id);
    }

    @Override
    public boolean remove(UserId id) {
        return store.remove(id);
    }

    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
        return store.findByIdForUpdate(id);
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return store.findByUsername(username);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return store.findByEmail(email);
    }

    @Override
    public void recordLogin(UserId id, Instant at) {
        store.recordLogin(id, at);
    }

    @Override
    public Page<User> find(UserQuery query) {
        return store.find(query);
    }

    @Override
    public int countEnabledWithRoleForUpdate(Role role) {
        return store.countEnabledWithRoleForUpdate(role);
    }
}

package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.UserQuery;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.Page;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link UserRepository} in memory, with the same case-insensitive uniqueness as the database. */
public final class InMemoryUserRepository implements UserRepository, InMemoryTransactions.Participant {
    private final Guarded guard;
    private Map<UserId, User> byId = new HashMap<>();

    /** A store of its own, outside any transaction. */
    public InMemoryUserRepository() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemoryUserRepository(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public void add(User user) {
        Objects.requireNonNull(user, "user");
        guard.run(() -> {
            if (byId.containsKey(user.id())) {
                throw new IllegalStateException("user " + user.id() + " already stored");
            }
            requireUnique(user);
            byId.put(user.id(), user);
        });
    }

    @Override
    public void update(User user) {
        Objects.requireNonNull(user, "user");
        guard.run(() -> {
            // As an SQL UPDATE: a user that is not stored is left alone.
            User stored = byId.get(user.id());
            if (stored != null) {
                requireUnique(user);
                // As the database: only recordLogin moves the last login.
                byId.put(
                        user.id(),
                        User.rehydrate(
                                user.id(),
                                user.firstName(),
                                user.lastName(),
                                user.username(),
                                user.email(),
                                user.passwordHash(),
                                user.status(),
                                user.role(),
                                user.createdAt(),
                                user.updatedAt(),
                                user.isDisabled(),
                                stored.lastLoginAt().orElse(null),
                                user.locale()));
            }
        });
    }

    @Override
    public Optional<User> findById(UserId id) {
        return guard.get(() -> Optional.ofNullable(byId.get(id)));
    }

    @Override
    public boolean remove(UserId id) {
        return guard.get(() -> byId.remove(id) != null);
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return guard.get(() -> byId.values().stream()
                .filter(u -> u.username().key().equals(username.key()))
                .findFirst());
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return guard.get(() -> byId.values().stream()
                .filter(u -> u.email().key().equals(email.key()))
                .findFirst());
    }

    @Override
    public void recordLogin(UserId id, Instant at) {
        guard.run(() -> byId.computeIfPresent(id, (k, u) -> u.loggedIn(at)));
    }

    @Override
    public Page<User> find(UserQuery query) {
        return guard.get(() -> {
            List<User> matching = byId.values().stream()
                    .filter(u -> query.searchKey()
                            .map(k -> u.username().key().contains(k)
                                    || u.email().key().contains(k))
                            .orElse(true))
                    .filter(u -> query.status().map(s -> u.status() == s).orElse(true))
                    .filter(u -> query.role().map(r -> u.role() == r).orElse(true))
                    .filter(u -> query.disabled().map(d -> u.isDisabled() == d).orElse(true))
                    .sorted(Comparator.comparing(User::createdAt)
                            .thenComparing(u -> u.id().value().toString()))
                    .toList();
            List<User> page = matching.stream()
                    .skip(query.page().offset())
                    .limit(query.page().pageSize())
                    .toList();
            return query.page().of(page, matching.size());
        });
    }

    @Override
    public int countEnabledWithRoleForUpdate(Role role) {
        // The store's lock is the transaction's: held from here to the end of the unit of work.
        return guard.get(() -> (int) byId.values().stream()
                .filter(u -> u.role() == role && !u.isDisabled())
                .count());
    }

    private void requireUnique(User user) {
        if (byId.values().stream()
                .anyMatch(o -> !o.id().equals(user.id())
                        && o.username().key().equals(user.username().key()))) {
            throw new AccountFailure.UsernameTaken();
        }
        if (byId.values().stream()
                .anyMatch(o -> !o.id().equals(user.id())
                        && o.email().key().equals(user.email().key()))) {
            throw new AccountFailure.EmailTaken();
        }
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            Map<UserId, User> saved = new HashMap<>(byId);
            return () -> guard.run(() -> byId = saved);
        });
    }
}

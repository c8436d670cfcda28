package dev.stockroom.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.UserQuery;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.contract.UserRepositoryContract;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.shared.Page;
import dev.stockroom.core.testing.InMemoryAdapters;
import dev.stockroom.core.testing.InMemoryTransactions;
import dev.stockroom.core.testing.InMemoryUserRepository;
import dev.stockroom.core.testing.MutableClock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The README's "Swapping an adapter in a test", as written there, with a stand-in for the host's own adapter. */
class SwappingAnAdapterTest {

    /** A host application's own adapter; here it counts the users it stores. */
    static final class MyUserRepository implements UserRepository {
        private final InMemoryUserRepository storage;
        final AtomicInteger added = new AtomicInteger();

        MyUserRepository() {
            this.storage = new InMemoryUserRepository();
        }

        /** In the given transactions, as a database adapter is in its database's. */
        MyUserRepository(InMemoryTransactions transactions) {
            this.storage = new InMemoryUserRepository(transactions);
        }

        @Override
        public void add(User user) {
            storage.add(user);
            added.incrementAndGet();
        }

        @Override
        public void update(User user) {
            storage.update(user);
        }

        @Override
        public Optional<User> findById(UserId id) {
            return storage.findById(id);
        }

        @Override
        public boolean remove(UserId id) {
            return storage.remove(id);
        }

        @Override
        public Optional<User> findByUsername(Username username) {
            return storage.findByUsername(username);
        }

        @Override
        public Optional<User> findByEmail(EmailAddress email) {
            return storage.findByEmail(email);
        }

        @Override
        public void recordLogin(UserId id, Instant at) {
            storage.recordLogin(id, at);
        }

        @Override
        public Page<User> find(UserQuery query) {
            return storage.find(query);
        }

        @Override
        public int countEnabledWithRoleForUpdate(Role role) {
            return storage.countEnabledWithRoleForUpdate(role);
        }
    }

    @Test
    void one_adapter_is_swapped_and_the_rest_stay_in_memory() {
        MyUserRepository mine = new MyUserRepository();
        InMemoryAdapters adapters = new InMemoryAdapters();
        Stockroom stockroom = adapters.stockroom()
                .users(mine)
                .clock(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")))
                .build();

        stockroom
                .registration()
                .register(RegisterCommand.of(
                        "Ada",
                        "Lovelace",
                        "ada",
                        "ada@example.com",
                        "velvet harbor quietly 1987",
                        "velvet harbor quietly 1987"));
        stockroom.mailRelay().relayDue();
        String code = adapters.mailSender().delivered().get(0).value(Notification.CODE);

        assertThat(mine.added).hasValue(1);
        assertThat(code).matches("\\d{6}");
    }

    /** ...and the adapter is proven against the same contract as Stockroom's own. */
    @Nested
    class MyUserRepositoryTest extends UserRepositoryContract {
        private final MyUserRepository users = new MyUserRepository();

        @Override
        protected UserRepository users() {
            return users;
        }

        @Override
        protected EmptyStore emptyStore() {
            InMemoryTransactions transactions = new InMemoryTransactions();
            return new EmptyStore(new MyUserRepository(transactions), transactions);
        }
    }
}

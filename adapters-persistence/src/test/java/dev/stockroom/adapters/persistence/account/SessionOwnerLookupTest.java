package dev.stockroom.adapters.persistence.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.persistence.StockroomDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.out.SessionRepository.SessionOwner;
import dev.stockroom.core.testing.InMemoryUserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The session check joins the users only when they live in the same database; with a user store
 * of another kind (an embedder's own) it looks each up in its own store, as the port's default does.
 */
class SessionOwnerLookupTest {
    private static final Instant NOW = Instant.parse("2031-05-04T03:02:01.123456Z");
    private final StockroomDatabase database =
            new StockroomDatabase(TestDatabases.h2().jdbi());

    @Test
    void joins_the_users_of_its_own_database() {
        User user = user();
        database.users().add(user);
        Session session = session(user);
        database.sessions().add(session);

        assertThat(database.sessions().findWithOwner(session.id(), database.users()))
                .contains(new SessionOwner(session, user));
    }

    @Test
    void looks_up_users_kept_elsewhere_in_their_own_store() {
        User stored = user();
        database.users().add(stored);
        Session session = session(stored);
        database.sessions().add(session);
        InMemoryUserRepository elsewhere = new InMemoryUserRepository();

        assertThat(database.sessions().findWithOwner(session.id(), elsewhere)).isEmpty();

        User kept = User.rehydrate(
                stored.id(),
                new PersonName("Elsewhere"),
                stored.lastName(),
                stored.username(),
                stored.email(),
                stored.passwordHash(),
                stored.status(),
                stored.role(),
                stored.createdAt(),
                stored.updatedAt());
        elsewhere.add(kept);
        assertThat(database.sessions().findWithOwner(session.id(), elsewhere))
                .contains(new SessionOwner(session, kept));
    }

    private static User user() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return User.register(
                UserId.random(),
                new PersonName("Ada"),
                new PersonName("Lovelace"),
                new Username("u" + id),
                new EmailAddress(id + "@example.test"),
                "$argon2id$v=19$" + id,
                NOW);
    }

    private static Session session(User user) {
        return new Session(SessionId.random(), user.id(), SessionKind.LOGIN, NOW, NOW.plus(Duration.ofDays(1)), null);
    }
}

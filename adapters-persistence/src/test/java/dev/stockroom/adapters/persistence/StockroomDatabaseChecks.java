package dev.stockroom.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What the port contracts cannot see from outside: the changelog, what stays in the tables, and
 * isolation between connections. Run on both databases by StockroomDatabaseTest.
 */
abstract class StockroomDatabaseChecks {
    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05.678901Z");

    abstract TestDatabase database();

    private StockroomDatabase stockroom() {
        return new StockroomDatabase(database().jdbi());
    }

    @Test
    void migrating_again_changes_nothing() {
        List<String> before = appliedChangeSets();

        DatabaseMigrator.migrate(database().dataSource());

        assertThat(appliedChangeSets())
                .isEqualTo(before)
                .contains(
                        "db/changelog/changes/001-accounts.xml::001-users::stockroom",
                        "db/changelog/changes/002-outbox.xml::002-outbox::stockroom");
    }

    @Test
    void keeps_no_row_of_a_sent_message() {
        String recipient = "sent." + UUID.randomUUID() + "@example.test";
        stockroom()
                .outbox()
                .enqueue(
                        new Notification(
                                NotificationKind.VERIFICATION_CODE, recipient, Map.of(Notification.CODE, "246810")),
                        NOW);
        UUID id = database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT id FROM outbox WHERE recipient = :r")
                        .bind("r", recipient)
                        .mapTo(UUID.class)
                        .one());
        UUID claimer = UUID.randomUUID();
        database()
                .jdbi()
                .useHandle(h -> h.createUpdate("UPDATE outbox SET claimed_by = :c WHERE id = :id")
                        .bind("c", claimer)
                        .bind("id", id)
                        .execute());

        stockroom().outbox().markSent(id, claimer, NOW);

        int rows = database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox WHERE recipient = :r")
                        .bind("r", recipient)
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isZero();
    }

    @Test
    void deleting_a_user_leaves_no_row_of_theirs_but_the_audit_trail() {
        StockroomDatabase stockroom = stockroom();
        User user = user("gone_" + unique(), "gone." + unique() + "@example.test");
        stockroom.users().add(user);
        dev.stockroom.core.account.domain.Session session = new dev.stockroom.core.account.domain.Session(
                dev.stockroom.core.account.domain.SessionId.random(),
                user.id(),
                dev.stockroom.core.account.domain.SessionKind.LOGIN,
                NOW,
                NOW.plusSeconds(3600),
                null);
        stockroom.sessions().add(session);
        stockroom
                .sessions()
                .addRefreshToken(new dev.stockroom.core.account.domain.RefreshToken(
                        "f".repeat(32) + unique(), session.id(), NOW, null));
        stockroom
                .codes()
                .replace(new dev.stockroom.core.account.domain.OneTimeCode(
                        UUID.randomUUID(),
                        user.id(),
                        dev.stockroom.core.account.domain.CodePurpose.CHANGE_EMAIL,
                        "hash",
                        NOW,
                        NOW.plusSeconds(600),
                        0,
                        null));
        stockroom.devices().add("d".repeat(32) + unique(), user.id(), NOW);
        stockroom
                .emailChanges()
                .replaceRequest(new dev.stockroom.core.account.domain.EmailChangeRequest(
                        user.id(), new EmailAddress("next." + unique() + "@example.test"), NOW, NOW.plusSeconds(600)));
        stockroom
                .emailChanges()
                .addUndo(new dev.stockroom.core.account.domain.EmailChangeUndo(
                        UUID.randomUUID(),
                        user.id(),
                        user.email(),
                        new EmailAddress("next." + unique() + "@example.test"),
                        "hash",
                        NOW,
                        NOW.plusSeconds(600),
                        0));

        assertThat(stockroom.users().remove(user.id())).isTrue();

        for (String table :
                List.of("sessions", "one_time_codes", "device_tokens", "email_change_requests", "email_change_undos")) {
            assertThat(rowsOf(table, user.id())).as(table).isZero();
        }
        int tokens = database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM refresh_tokens WHERE session_id = :s")
                        .bind("s", session.id().value())
                        .mapTo(Integer.class)
                        .one());
        assertThat(tokens).isZero();
    }

    private int rowsOf(String table, UserId user) {
        return database()
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE user_id = :u")
                        .bind("u", user.value())
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void hides_uncommitted_writes_from_other_connections() {
        StockroomDatabase stockroom = stockroom();
        User user = user("iso_" + unique(), "iso." + unique() + "@example.test");

        Optional<User> seenFromOutside = stockroom.transactions().inTransaction(() -> {
            stockroom.users().add(user);
            return CompletableFuture.supplyAsync(() -> stockroom.users().findById(user.id()))
                    .join();
        });

        assertThat(seenFromOutside).isEmpty();
        assertThat(stockroom.users().findById(user.id())).contains(user);
    }

    @Test
    void tells_a_taken_username_from_a_taken_email_when_a_value_reads_like_the_other_constraint() {
        // H2 and PostgreSQL quote the offending value in the message, after the constraint's name.
        User first = user("uq_users_email_key_" + unique(), "uq_users_username_key." + unique() + "@example.test");
        stockroom().users().add(first);

        assertThatThrownBy(() ->
                        stockroom().users().add(user(first.username().value(), "other." + unique() + "@example.test")))
                .isInstanceOf(AccountFailure.UsernameTaken.class);
        assertThatThrownBy(() -> stockroom()
                        .users()
                        .add(user("other_" + unique(), first.email().value())))
                .isInstanceOf(AccountFailure.EmailTaken.class);
    }

    @Test
    void answers_a_ping() {
        assertThat(stockroom().ping()).isTrue();
    }

    private List<String> appliedChangeSets() {
        return database()
                .jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT filename, id, author FROM databasechangelog ORDER BY orderexecuted
                        """)
                        .map((rs, ctx) ->
                                rs.getString("filename") + "::" + rs.getString("id") + "::" + rs.getString("author"))
                        .list());
    }

    private static User user(String username, String email) {
        return User.register(
                UserId.random(),
                new PersonName("Grace"),
                new PersonName("Hopper"),
                new Username(username),
                new EmailAddress(email),
                "$argon2id$v=19$hash",
                NOW);
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}

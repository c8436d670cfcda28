package dev.stockroom.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.shared.LanguageTag;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What 015-user-locale.xml makes of the users and outbox messages stored before it, on both
 * databases: they write English.
 */
class Migration015Test {
    private static final String BEFORE_015 = "db/changelog/before-015.xml";

    static Stream<TestDatabase> blankDatabases() {
        return Stream.of(TestDatabases.blankH2(), TestDatabases.blankPostgres());
    }

    @ParameterizedTest
    @MethodSource("blankDatabases")
    void users_and_mail_stored_before_it_write_english(TestDatabase database) {
        DatabaseMigrator.migrate(database.dataSource(), BEFORE_015);
        Jdbi jdbi = database.jdbi();
        UUID userId = UUID.randomUUID();
        String suffix = userId.toString().substring(0, 8);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbi.useHandle(h -> {
            h.createUpdate("""
                            INSERT INTO users (id, first_name, last_name, username, username_key, email, email_key,
                                               password_hash, auth_status, role, created_at, updated_at)
                            VALUES (:id, 'Ada', 'Lovelace', :username, :username, :email, :email, '$argon2id$v=19$x',
                                    'VERIFIED', 'USER', :at, :at)
                            """)
                    .bind("id", userId)
                    .bind("username", "ada_" + suffix)
                    .bind("email", "ada." + suffix + "@example.test")
                    .bind("at", at)
                    .execute();
            h.createUpdate("""
                            INSERT INTO outbox (id, kind, recipient, payload, status, created_at, attempts, next_attempt_at)
                            VALUES (:id, 'PASSWORD_CHANGED', :recipient, '{"first_name":"Ada"}', 'PENDING', :at, 0, :at)
                            """)
                    .bind("id", UUID.randomUUID())
                    .bind("recipient", "ada." + suffix + "@example.test")
                    .bind("at", at)
                    .execute();
        });

        DatabaseMigrator.migrate(database.dataSource());

        StockroomDatabase store = new StockroomDatabase(jdbi);
        assertThat(store.users().findById(new UserId(userId)).orElseThrow().locale())
                .isEqualTo(LanguageTag.ENGLISH);
        assertThat(store.outbox().claimDue(at.plusSeconds(1), 10, at.plusSeconds(60)))
                .singleElement()
                .satisfies(
                        message -> assertThat(message.notification().locale()).isEqualTo(LanguageTag.ENGLISH));
    }
}

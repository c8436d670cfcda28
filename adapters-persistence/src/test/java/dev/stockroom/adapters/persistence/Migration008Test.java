package dev.stockroom.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.adapters.persistence.row.Columns;
import dev.stockroom.adapters.persistence.testing.TestDatabase;
import dev.stockroom.adapters.persistence.testing.TestDatabases;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.LoginAttempts.Claim;
import dev.stockroom.core.account.port.out.LoginAttempts.Failures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What 008-abuse-admin-audit.xml makes of the rows stored before it, on both databases: a database
 * migrated up to 006 is filled as the service then wrote it, and migrated the rest of the way.
 */
class Migration008Test {
    private static final String BEFORE_008 = "db/changelog/before-008.xml";
    // The migration compares with the database's clock: these lie well before and after it.
    @SuppressWarnings("TimeInStaticInitializer") // hours from the database's clock, so once per run is enough
    private static final Instant PAST =
            Instant.now().truncatedTo(ChronoUnit.MICROS).minus(Duration.ofHours(2));

    @SuppressWarnings("TimeInStaticInitializer")
    private static final Instant FUTURE =
            Instant.now().truncatedTo(ChronoUnit.MICROS).plus(Duration.ofDays(1));

    static Stream<TestDatabase> blankDatabases() {
        return Stream.of(TestDatabases.blankH2(), TestDatabases.blankPostgres());
    }

    @ParameterizedTest
    @MethodSource("blankDatabases")
    void keeps_the_rows_stored_before_it_and_gives_them_the_new_meanings(TestDatabase database) {
        DatabaseMigrator.migrate(database.dataSource(), BEFORE_008);
        Jdbi jdbi = database.jdbi();
        UUID userId = UUID.randomUUID();
        UUID sessionId = UUID.randomUUID();
        jdbi.useHandle(h -> {
            insertUser(h, userId);
            h.createUpdate("""
                            INSERT INTO sessions (id, user_id, kind, created_at, expires_at, revoked_at)
                            VALUES (:id, :user_id, 'LOGIN', :created_at, :expires_at, NULL)
                            """)
                    .bind("id", sessionId)
                    .bind("user_id", userId)
                    .bind("created_at", PAST)
                    .bind("expires_at", FUTURE)
                    .execute();
            // A count reset by a success: window_started_at was the time of the reset.
            insertAttempts(h, "reset", 0, PAST, null, 0, null);
            // Failures still counting.
            insertAttempts(h, "counting", 2, PAST, null, 0, null);
            // A lockout that has ended: the old rules had forgotten its failures.
            insertAttempts(h, "lockout-ended", 5, PAST, PAST.plusSeconds(300), 0, null);
            // A lockout still running, with a check in flight.
            insertAttempts(h, "locked-out", 5, PAST, FUTURE, 1, FUTURE);
        });

        DatabaseMigrator.migrate(database.dataSource());

        assertThat(attempts(jdbi, "reset")).isEqualTo(row(0, null, null, 0));
        assertThat(attempts(jdbi, "counting")).isEqualTo(row(2, PAST, null, 0));
        assertThat(attempts(jdbi, "lockout-ended")).isEqualTo(row(0, null, null, 0));
        assertThat(attempts(jdbi, "locked-out")).isEqualTo(row(5, PAST, FUTURE, 1));

        StockroomDatabase stockroom = new StockroomDatabase(jdbi);
        User user = stockroom.users().findById(new UserId(userId)).orElseThrow();
        assertThat(user.isDisabled()).isFalse();
        assertThat(user.lastLoginAt()).isEmpty();
        Session session =
                stockroom.sessions().findById(new SessionId(sessionId)).orElseThrow();
        assertThat(session.origin()).isEqualTo(Origin.UNKNOWN);
        assertThat(session.lastUsedAt()).isEqualTo(PAST);

        // And the adapter reads them by the new rules.
        LoginAttempts attempts = stockroom.loginAttempts();
        LoginThrottle throttle = LoginThrottle.defaults();
        Instant now = PAST.plusSeconds(1);
        assertThat(attempts.claim("counting", now, throttle)).isEqualTo(Claim.granted());
        assertThat(attempts.failed("counting", now, throttle)).isEqualTo(new Failures(3, Optional.empty()));
        assertThat(attempts.claim("lockout-ended", now, throttle)).isEqualTo(Claim.granted());
        assertThat(attempts.failed("lockout-ended", now, throttle)).isEqualTo(new Failures(1, Optional.empty()));
        assertThat(attempts.claim("locked-out", now, throttle)).isEqualTo(Claim.blocked(FUTURE));
    }

    @ParameterizedTest
    @MethodSource("blankDatabases")
    void records_each_of_its_change_sets(TestDatabase database) {
        DatabaseMigrator.migrate(database.dataSource(), BEFORE_008);
        DatabaseMigrator.migrate(database.dataSource());

        List<String> changeSets = database.jdbi()
                .withHandle(h -> h.createQuery("""
                        SELECT id FROM databasechangelog WHERE filename = 'db/changelog/changes/008-abuse-admin-audit.xml'
                        ORDER BY orderexecuted
                        """).mapTo(String.class).list());

        assertThat(changeSets)
                .containsExactly(
                        "008-users-disabled-last-login",
                        "008-sessions-origin-last-use",
                        "008-login-attempts-last-failure",
                        "008-device-tokens",
                        "008-audit-events");
    }

    private static void insertUser(Handle h, UUID id) {
        String suffix = id.toString().substring(0, 8);
        h.createUpdate("""
                        INSERT INTO users (id, first_name, last_name, username, username_key, email, email_key,
                                           password_hash, auth_status, role, created_at, updated_at)
                        VALUES (:id, 'Ada', 'Lovelace', :username, :username, :email, :email, '$argon2id$v=19$x',
                                'VERIFIED', 'USER', :at, :at)
                        """)
                .bind("id", id)
                .bind("username", "ada_" + suffix)
                .bind("email", "ada." + suffix + "@example.test")
                .bind("at", PAST)
                .execute();
    }

    private static void insertAttempts(
            Handle h,
            String key,
            int failures,
            Instant windowStartedAt,
            Instant blockedUntil,
            int inFlight,
            Instant inFlightUntil) {
        h.createUpdate("""
                        INSERT INTO login_attempts
                            (login_key, failures, window_started_at, blocked_until, in_flight, in_flight_until)
                        VALUES (:key, :failures, :window_started_at, :blocked_until, :in_flight, :in_flight_until)
                        """)
                .bind("key", key)
                .bind("failures", failures)
                .bind("window_started_at", windowStartedAt)
                .bindByType("blocked_until", blockedUntil, Instant.class)
                .bind("in_flight", inFlight)
                .bindByType("in_flight_until", inFlightUntil, Instant.class)
                .execute();
    }

    private static Row attempts(Jdbi jdbi, String key) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT failures, last_failure_at, blocked_until, in_flight FROM login_attempts
                        WHERE login_key = :key
                        """)
                .bind("key", key)
                .map((rs, ctx) -> new Row(
                        rs.getInt("failures"),
                        Columns.instant(rs, "last_failure_at"),
                        Columns.instant(rs, "blocked_until"),
                        rs.getInt("in_flight")))
                .one());
    }

    private static Row row(int failures, Instant lastFailureAt, Instant blockedUntil, int inFlight) {
        return new Row(failures, lastFailureAt, blockedUntil, inFlight);
    }

    /** A row of login_attempts, as 008 leaves it. */
    private record Row(int failures, Instant lastFailureAt, Instant blockedUntil, int inFlight) {}
}

package dev.stockroom.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.LogInCommand;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.in.Registered;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.testing.InMemoryAdapters;
import dev.stockroom.core.testing.MutableClock;
import dev.stockroom.core.throttling.domain.RatePolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The facade as an embedding application uses it: in-memory adapters, the default Argon2id hasher. */
class StockroomTest {
    private static final String PASSWORD = "a long enough passphrase";

    @Test
    void an_embedding_app_registers_verifies_and_logs_in() {
        InMemoryAdapters adapters = new InMemoryAdapters();
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
        Stockroom stockroom = Stockroom.builder()
                .users(adapters.users())
                .sessions(adapters.sessions())
                .codes(adapters.codes())
                .loginAttempts(adapters.loginAttempts())
                .devices(adapters.devices())
                .audit(adapters.audit())
                .emailChanges(adapters.emailChanges())
                .outbox(adapters.outbox())
                .mailSender(adapters.mailSender())
                .transactions(adapters.transactions())
                .clock(clock)
                .build();

        Registered registered = stockroom
                .registration()
                .register(RegisterCommand.of("Ada", "Lovelace", "ada", "ada@example.com", PASSWORD, PASSWORD));
        assertThat(adapters.mailSender().delivered()).isEmpty();
        assertThat(stockroom.mailRelay().relayDue()).isEqualTo(1);
        Notification mail = adapters.mailSender().delivered().get(0);
        assertThat(mail.kind()).isEqualTo(NotificationKind.VERIFICATION_CODE);
        clock.advance(Duration.ofMinutes(1));

        AuthenticatedUser caller = stockroom
                .authentication()
                .authenticate(registered.grant().userId(), registered.grant().sessionId());
        SessionGrant verified = stockroom.registration().verify(caller, new CodeCommand(mail.value(Notification.CODE)));
        SessionGrant loggedIn = stockroom.authentication().logIn(new LogInCommand("ada@example.com", PASSWORD));

        assertThat(verified.status()).isEqualTo(AuthStatus.VERIFIED);
        assertThat(loggedIn.status()).isEqualTo(AuthStatus.VERIFIED);
        assertThat(loggedIn.refreshToken()).isPresent();
        assertThat(adapters.users().findById(loggedIn.userId()).orElseThrow().passwordHash())
                .startsWith("$argon2id$");
        assertThat(stockroom
                        .profiles()
                        .me(stockroom.authentication().authenticate(loggedIn.userId(), loggedIn.sessionId()))
                        .email()
                        .value())
                .isEqualTo("ada@example.com");
        assertThat(stockroom.clock()).isSameAs(clock);
        assertThat(stockroom.accountPolicy()).isEqualTo(AccountPolicy.defaults());
        assertThat(stockroom.catalogPolicy()).isEqualTo(CatalogPolicy.defaults());
    }

    @Test
    void build_names_every_missing_port() {
        InMemoryAdapters adapters = new InMemoryAdapters();

        assertThatThrownBy(() -> Stockroom.builder()
                        .users(adapters.users())
                        .outbox(adapters.outbox())
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Stockroom.builder() is missing ")
                .hasMessageContainingAll(
                        "sessions(SessionRepository)",
                        "codes(OneTimeCodeRepository)",
                        "loginAttempts(LoginAttempts)",
                        "emailChanges(EmailChangeRepository)",
                        "mailSender(MailSender)",
                        "transactions(Transactions)")
                .message()
                .doesNotContain("users(", "outbox(");
    }

    @Test
    void with_rate_counters_the_mail_of_one_kind_to_one_address_is_capped_and_the_rate_limiter_counts_there() {
        InMemoryAdapters adapters = new InMemoryAdapters();
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
        Stockroom stockroom = adapters.stockroom()
                .clock(clock)
                .mailCap(2, Duration.ofHours(1))
                .build();
        stockroom
                .registration()
                .register(RegisterCommand.of("Ada", "Lovelace", "ada", "ada@example.com", PASSWORD, PASSWORD));

        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(2));
            stockroom.passwordRecovery().forget("ada@example.com");
        }

        assertThat(stockroom.mailRelay().relayDue()).isEqualTo(3);
        assertThat(adapters.mailSender().delivered())
                .filteredOn(n -> n.kind() == NotificationKind.PASSWORD_RESET_CODE)
                .hasSize(2);
        RatePolicy policy = new RatePolicy("register", 1, Duration.ofHours(1));
        assertThat(stockroom.rateLimiter().hit(policy, "203.0.113.7").allowed()).isTrue();
        assertThat(stockroom.rateLimiter().hit(policy, "203.0.113.7").allowed()).isFalse();
        assertThat(adapters.rateCounters().size()).isEqualTo(3); // two kinds of mail to ada, one client
    }

    @Test
    void without_rate_counters_nothing_is_capped_and_there_is_no_rate_limiter() {
        InMemoryAdapters adapters = new InMemoryAdapters();
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
        Stockroom stockroom = Stockroom.builder()
                .users(adapters.users())
                .sessions(adapters.sessions())
                .codes(adapters.codes())
                .loginAttempts(adapters.loginAttempts())
                .devices(adapters.devices())
                .audit(adapters.audit())
                .emailChanges(adapters.emailChanges())
                .outbox(adapters.outbox())
                .mailSender(adapters.mailSender())
                .transactions(adapters.transactions())
                .clock(clock)
                .mailCap(1, Duration.ofHours(1))
                .build();
        stockroom
                .registration()
                .register(RegisterCommand.of("Ada", "Lovelace", "ada", "ada@example.com", PASSWORD, PASSWORD));

        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(2));
            stockroom.passwordRecovery().forget("ada@example.com");
        }

        assertThat(stockroom.mailRelay().relayDue()).isEqualTo(4);
        assertThatThrownBy(stockroom::rateLimiter)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rateCounters(RateCounters)");
    }

    @Test
    void no_mail_cap_leaves_the_mail_uncapped_with_rate_counters() {
        InMemoryAdapters adapters = new InMemoryAdapters();
        MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
        Stockroom stockroom = adapters.stockroom().clock(clock).noMailCap().build();
        stockroom
                .registration()
                .register(RegisterCommand.of("Ada", "Lovelace", "ada", "ada@example.com", PASSWORD, PASSWORD));

        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMinutes(2));
            stockroom.passwordRecovery().forget("ada@example.com");
        }

        assertThat(stockroom.mailRelay().relayDue()).isEqualTo(7);
        assertThatThrownBy(() -> Stockroom.builder().mailCap(0, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("noMailCap()");
    }
}

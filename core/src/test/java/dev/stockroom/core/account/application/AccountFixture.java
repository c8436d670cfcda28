package dev.stockroom.core.account.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.CodeCommand;
import dev.stockroom.core.account.port.in.LogInCommand;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.Profiles;
import dev.stockroom.core.account.port.in.RegisterCommand;
import dev.stockroom.core.account.port.in.Registered;
import dev.stockroom.core.account.port.in.Registration;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.in.TwoFactorSignIn;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.notification.domain.OutboxMessage;
import dev.stockroom.core.notification.port.out.Outbox;
import dev.stockroom.core.shared.LanguageTag;
import dev.stockroom.core.testing.InMemoryAdapters;
import dev.stockroom.core.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The account services on in-memory adapters, a clock the test moves, and a cheap hasher. */
final class AccountFixture {
    static final String PASSWORD = "a long enough passphrase";
    static final Instant START = Instant.parse("2025-03-01T09:00:00Z");
    /** The languages the fixture's mail is written in, as the shipped mail adapter's. */
    static final Set<LanguageTag> MAIL_LANGUAGES = Set.of(LanguageTag.ENGLISH, new LanguageTag("de"));

    final MutableClock clock = new MutableClock(START);
    final InMemoryAdapters store = new InMemoryAdapters();
    final CountingHasher hasher = new CountingHasher();
    final AccountPolicy policy = AccountPolicy.defaults();
    final AccountServices services;

    AccountFixture() {
        services = services(store.users(), store.outbox());
    }

    /** Services on this fixture's stores but with other users or outbox (to stage a race or a failure). */
    AccountServices services(UserRepository users, Outbox outbox) {
        return new AccountServices(
                users,
                store.sessions(),
                store.codes(),
                store.loginAttempts(),
                store.devices(),
                store.audit(),
                outbox,
                store.transactions(),
                hasher,
                policy,
                clock,
                new DistinctCodes(),
                Optional.empty(),
                Optional.of(store.secondFactors()),
                MAIL_LANGUAGES);
    }

    Registration registration() {
        return services.registration();
    }

    Authentication authentication() {
        return services.authentication();
    }

    PasswordRecovery recovery() {
        return services.passwordRecovery();
    }

    TwoFactorSignIn twoFactor() {
        return services.twoFactor().orElseThrow();
    }

    Profiles profiles() {
        return services.profiles();
    }

    static RegisterCommand registerCommand(String username) {
        return RegisterCommand.of("Ada", "Lovelace", username, username + "@example.com", PASSWORD, PASSWORD);
    }

    Registered register(String username) {
        return registration().register(registerCommand(username));
    }

    /** The caller a token for this grant would authenticate as. */
    AuthenticatedUser caller(SessionGrant grant) {
        return authentication().authenticate(grant.userId(), grant.sessionId());
    }

    /** Registers, verifies with the mailed code, and returns the verified login's grant. */
    SessionGrant registerVerified(String username) {
        Registered registered = register(username);
        String code = lastCode(NotificationKind.VERIFICATION_CODE, username + "@example.com");
        return registration().verify(caller(registered.grant()), new CodeCommand(code));
    }

    SessionGrant logIn(String login, String password) {
        return logIn(new LogInCommand(login, password));
    }

    SessionGrant logIn(LogInCommand command) {
        return authentication().logIn(command);
    }

    /** The code in the latest mail of this kind to this address. */
    String lastCode(NotificationKind kind, String recipient) {
        List<Notification> mails = mails(kind, recipient);
        assertThat(mails).as("%s mails to %s", kind, recipient).isNotEmpty();
        return mails.get(mails.size() - 1).value(Notification.CODE);
    }

    List<Notification> mails(NotificationKind kind, String recipient) {
        return store.outbox().pending().stream()
                .map(OutboxMessage::notification)
                .filter(n -> n.kind() == kind && n.recipient().equals(recipient))
                .toList();
    }

    /**
     * Real randomness for tokens, but successive codes that always differ, so that "the old code
     * stops working" cannot pass by a one-in-a-million coincidence.
     */
    private static final class DistinctCodes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private int next = 314_159;

        @Override
        public synchronized int nextInt(int bound) {
            next = (next + 123_457) % bound;
            return next;
        }
    }

    static String otherThan(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }
}

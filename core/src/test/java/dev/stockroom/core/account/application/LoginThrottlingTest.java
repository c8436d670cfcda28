package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.port.in.LogInCommand;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.contract.Race;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Brute-force protection of logIn, with the default policy: 5 wrong passwords free, then a delay
 * doubling from 1 s to 15 min before the next check; a device token exempts its holder from
 * everyone else's failures.
 */
class LoginThrottlingTest {
    private static final String WRONG = "not the passphrase at all";

    private final AccountFixture f = new AccountFixture();
    private final LoginThrottle throttle = f.policy.loginThrottle();
    private final int free = throttle.freeFailures();

    @Test
    void the_free_failures_cost_nothing() {
        f.registerVerified("ada");
        failTimes("ada", free - 1);

        assertThat(f.logIn("ada", PASSWORD).refreshToken()).isPresent();
    }

    @Test
    void
            the_failure_that_uses_up_the_free_ones_makes_the_next_check_wait_a_second_and_then_the_right_password_logs_in() {
        f.registerVerified("ada");
        failTimes("ada", free);

        AccountFailure.Throttled throttled = throttledLogIn("ada", PASSWORD);
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttled.getMessage()).isEqualTo("Too many failed logins; try again later.");
        assertThat(throttled.fieldErrors()).isEmpty();

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.logIn("ada", PASSWORD).refreshToken()).isPresent();
    }

    @Test
    void each_further_failure_doubles_the_delay_up_to_fifteen_minutes() {
        f.registerVerified("ada");
        failTimes("ada", free);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            Duration delay = throttledLogIn("ada", WRONG).retryAfter();
            delays.add(delay);
            f.clock.advance(delay);
            failTimes("ada", 1);
        }

        assertThat(delays.subList(0, 11))
                .extracting(Duration::getSeconds)
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L);
        assertThat(delays.subList(11, 14)).containsOnly(Duration.ofMinutes(15));
    }

    @Test
    void a_waiting_login_spends_no_hash_and_does_not_prolong_the_delay() {
        f.registerVerified("ada");
        failWaiting("ada", free + 3);
        Duration delay = throttle.delayAfter(free + 3).orElseThrow();
        int hashed = f.hasher.verifications.get();

        for (int i = 0; i < 5; i++) {
            assertThat(throttledLogIn("ada", i % 2 == 0 ? WRONG : PASSWORD).retryAfter())
                    .isEqualTo(delay.minusSeconds(i));
            f.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(f.hasher.verifications.get()).isEqualTo(hashed);
    }

    @Test
    void retry_after_is_what_is_left_of_the_delay_rounded_up_to_whole_seconds() {
        f.registerVerified("ada");
        failWaiting("ada", free + 2);
        f.clock.advance(Duration.ofMillis(1_500));

        assertThat(throttledLogIn("ada", PASSWORD).retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void an_unknown_name_is_counted_and_throttled_exactly_like_a_known_one() {
        f.registerVerified("ada");
        failTimes("ada", free);
        failTimes("nobody", free);
        failTimes("nobody@example.com", free);
        failTimes("x", free);

        AccountFailure.Throttled known = throttledLogIn("ada", PASSWORD);
        for (String unknown : List.of("nobody", "nobody@example.com", "x")) {
            AccountFailure.Throttled throttled = throttledLogIn(unknown, PASSWORD);
            assertThat(throttled.getMessage()).isEqualTo(known.getMessage());
            assertThat(throttled.retryAfter()).isEqualTo(known.retryAfter());
            assertThat(throttled.fieldErrors()).isEqualTo(known.fieldErrors());
        }
    }

    @Test
    void the_count_is_per_login_name_without_regard_to_case_and_the_email_has_its_own() {
        f.registerVerified("ada");
        f.registerVerified("bob");
        failTimes("ada", 2);
        failTimes("ADA", free - 2);

        throttledLogIn("Ada", PASSWORD);
        // Were the address counted with the name, a stranger could learn which address goes with a name.
        assertThat(f.logIn("ada@example.com", PASSWORD).refreshToken()).isPresent();
        assertThat(f.logIn("bob", PASSWORD).refreshToken()).isPresent();
    }

    @Test
    void failures_are_forgotten_a_day_after_the_last_one() {
        f.registerVerified("ada");
        failTimes("ada", free - 1);
        f.clock.advance(throttle.memory().minusSeconds(1));
        failTimes("ada", 1);
        throttledLogIn("ada", PASSWORD);

        f.clock.advance(throttle.memory());
        failTimes("ada", free - 1);
        assertThat(f.logIn("ada", PASSWORD).refreshToken()).isPresent();
    }

    @Test
    void a_successful_login_starts_the_count_again() {
        f.registerVerified("ada");
        failTimes("ada", free - 1);
        f.logIn("ada", PASSWORD);
        failTimes("ada", free - 1);

        assertThat(f.logIn("ada", PASSWORD).refreshToken()).isPresent();
        failTimes("ada", free);
        throttledLogIn("ada", PASSWORD);
    }

    @Test
    void the_owners_device_is_not_slowed_by_a_strangers_failures() {
        f.registerVerified("ada");
        String device = f.logIn("ada", PASSWORD).deviceToken().orElseThrow();
        failWaiting("ada", free + 5);
        throttledLogIn("ada", PASSWORD);

        SessionGrant owner = f.logIn(new LogInCommand("ada", PASSWORD, Optional.of(device), Origin.UNKNOWN));

        assertThat(owner.refreshToken()).isPresent();
        assertThat(owner.deviceToken()).isPresent().get().isNotEqualTo(device);
        // The stranger is still slowed.
        throttledLogIn("ada", PASSWORD);
    }

    @Test
    void wrong_passwords_with_a_device_token_count_against_that_device_only() {
        f.registerVerified("ada");
        String device = f.logIn("ada", PASSWORD).deviceToken().orElseThrow();
        for (int i = 0; i < free; i++) {
            assertThatThrownBy(() -> f.logIn(new LogInCommand("ada", WRONG, Optional.of(device), Origin.UNKNOWN)))
                    .isInstanceOf(AccountFailure.InvalidCredentials.class);
        }

        assertThat(catchThrowableOfType(
                        AccountFailure.Throttled.class,
                        () -> f.logIn(new LogInCommand("ada", PASSWORD, Optional.of(device), Origin.UNKNOWN))))
                .isNotNull();
        assertThat(f.logIn("ada", PASSWORD).refreshToken())
                .as("the account's own count is untouched")
                .isPresent();
    }

    @Test
    void a_device_token_counts_once_and_only_for_its_own_account_and_lifetime() {
        f.registerVerified("ada");
        f.registerVerified("bob");
        String adas = f.logIn("ada", PASSWORD).deviceToken().orElseThrow();
        String adasNext = f.logIn(new LogInCommand("ada", PASSWORD, Optional.of(adas), Origin.UNKNOWN))
                .deviceToken()
                .orElseThrow();
        String bobs = f.logIn("bob", PASSWORD).deviceToken().orElseThrow();
        failTimes("ada", free);

        for (String notAdas : List.of(adas, bobs, "made-up")) {
            assertThat(catchThrowableOfType(
                            AccountFailure.Throttled.class,
                            () -> f.logIn(new LogInCommand("ada", PASSWORD, Optional.of(notAdas), Origin.UNKNOWN))))
                    .as("device token %s", notAdas)
                    .isNotNull();
        }
        f.clock.advance(f.policy.deviceTokenLifetime().plusSeconds(1));
        failTimes("ada", free);
        assertThat(catchThrowableOfType(
                        AccountFailure.Throttled.class,
                        () -> f.logIn(new LogInCommand("ada", PASSWORD, Optional.of(adasNext), Origin.UNKNOWN))))
                .as("an expired device token")
                .isNotNull();
    }

    @Test
    void a_user_keeps_no_more_than_twenty_device_tokens_the_newest_counting() {
        SessionGrant ada = f.registerVerified("ada");
        String first = f.logIn("ada", PASSWORD).deviceToken().orElseThrow();
        for (int i = 0; i < AuthenticationService.MAX_DEVICES_PER_USER; i++) {
            f.clock.advance(Duration.ofSeconds(1));
            f.logIn("ada", PASSWORD);
        }

        assertThat(f.store.devices().hashesOf(ada.userId())).hasSize(AuthenticationService.MAX_DEVICES_PER_USER);
        failTimes("ada", free);
        assertThat(catchThrowableOfType(
                        AccountFailure.Throttled.class,
                        () -> f.logIn(new LogInCommand("ada", PASSWORD, Optional.of(first), Origin.UNKNOWN))))
                .as("the oldest token was forgotten")
                .isNotNull();
    }

    @Test
    void a_disabled_account_with_the_right_password_gets_the_generic_answer_and_is_recorded() {
        SessionGrant ada = f.registerVerified("ada");
        f.store
                .users()
                .update(f.store.users().findById(ada.userId()).orElseThrow().withDisabled(true, f.clock.instant()));

        assertThatThrownBy(() -> f.logIn("ada", PASSWORD)).isInstanceOf(AccountFailure.InvalidCredentials.class);
        assertThat(f.store.audit().all()).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.LOGIN_FAILED);
            assertThat(e.detail()).contains("account disabled");
        });
    }

    @Test
    void failures_are_recorded_and_the_one_that_uses_up_the_free_ones_also_as_throttled() {
        SessionGrant ada = f.registerVerified("ada");
        failTimes("ada", free);
        failTimes("nobody", 1);

        List<AuditEvent> events = f.store.audit().all();
        assertThat(events)
                .filteredOn(
                        e -> e.kind() == AuditKind.LOGIN_FAILED && e.userId().isPresent())
                .hasSize(free)
                .allMatch(e -> e.userId().equals(Optional.of(ada.userId())));
        assertThat(events).filteredOn(e -> e.kind() == AuditKind.THROTTLED).hasSize(1);
        assertThat(events).last().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.LOGIN_FAILED);
            assertThat(e.userId()).isEmpty();
            assertThat(e.username()).as("a typed name may be a password").isEmpty();
        });
    }

    @Test
    void concurrent_wrong_passwords_are_each_counted() throws Exception {
        f.registerVerified("ada");

        List<AccountFailure> failures = concurrentLogIns("ada", WRONG, free);

        assertThat(failures).hasSize(free).allMatch(AccountFailure.InvalidCredentials.class::isInstance);
        throttledLogIn("ada", PASSWORD);
    }

    @Test
    void a_burst_of_concurrent_guesses_gets_no_more_passwords_checked_than_the_free_failures() throws Exception {
        f.registerVerified("ada");
        int hashed = f.hasher.verifications.get();

        List<AccountFailure> failures = concurrentLogIns("ada", WRONG, 2 * free);

        assertThat(failures)
                .filteredOn(AccountFailure.InvalidCredentials.class::isInstance)
                .hasSize(free);
        assertThat(failures)
                .filteredOn(AccountFailure.Throttled.class::isInstance)
                .hasSize(free);
        assertThat(f.hasher.verifications.get() - hashed).isEqualTo(free);
    }

    /** Starts {@code n} logins at once and returns how each failed (every one must). */
    private List<AccountFailure> concurrentLogIns(String login, String password, int n) throws Exception {
        List<Future<SessionGrant>> attempts = Race.settle(n, () -> f.logIn(login, password));
        List<AccountFailure> failures = new ArrayList<>();
        for (Future<SessionGrant> attempt : attempts) {
            ExecutionException e = catchThrowableOfType(ExecutionException.class, attempt::get);
            assertThat(e).as("every login fails").isNotNull();
            assertThat(e.getCause()).isInstanceOf(AccountFailure.class);
            failures.add((AccountFailure) e.getCause());
        }
        return failures;
    }

    /** Fails {@code times} times, waiting out each delay but the last failure's. */
    private void failWaiting(String login, int times) {
        for (int i = 0; i < times; i++) {
            throttle.delayAfter(i).ifPresent(f.clock::advance);
            failTimes(login, 1);
        }
    }

    private void failTimes(String login, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> f.logIn(login, WRONG))
                    .as("failure %d of %s", i + 1, login)
                    .isInstanceOf(AccountFailure.InvalidCredentials.class);
        }
    }

    private AccountFailure.Throttled throttledLogIn(String login, String password) {
        AccountFailure.Throttled throttled =
                catchThrowableOfType(AccountFailure.Throttled.class, () -> f.logIn(login, password));
        assertThat(throttled).as("%s is throttled", login).isNotNull();
        return throttled;
    }
}

package dev.stockroom.core.account.application;

import static dev.stockroom.core.account.application.AccountFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.port.in.SessionGrant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Brute-force protection of logIn, with the default policy: 10 failures in 15 minutes lock a name for 15. */
class LoginThrottlingTest {
    private static final String WRONG = "not the passphrase at all";

    private final AccountFixture f = new AccountFixture();
    private final int limit = f.policy.maxLoginFailures();
    private final Duration lockout = f.policy.loginLockout();

    @Test
    void theFailureThatReachesTheLimitIs401AndThenEvenTheRightPasswordIsThrottled() {
        f.registerVerified("ada");
        failTimes("ada", limit - 1);

        assertThatThrownBy(() -> f.logIn("ada", WRONG)).isInstanceOf(AccountFailure.InvalidCredentials.class);
        AccountFailure.Throttled throttled = throttledLogIn("ada", PASSWORD);

        assertThat(throttled.retryAfter()).isEqualTo(lockout);
        assertThat(throttled.getMessage()).isEqualTo("Too many failed logins; try again later.");
        assertThat(throttled.fieldErrors()).isEmpty();
    }

    @Test
    void oneFailureFewerThanTheLimitLetsTheRightPasswordIn() {
        f.registerVerified("ada");
        failTimes("ada", limit - 1);

        assertThat(f.logIn("ada", PASSWORD).refreshToken()).isPresent();
    }

    @Test
    void retryAfterIsWhatIsLeftOfTheLockoutRoundedUpToWholeSeconds() {
        f.registerVerified("ada");
        failTimes("ada", limit);

        f.clock.advance(Duration.ofMillis(1_500));

        assertThat(throttledLogIn("ada", PASSWORD).retryAfter()).isEqualTo(lockout.minusSeconds(1));
    }

    @Test
    void aLockedOutNameSpendsNoHashAndAttemptsDoNotProlongTheLockout() {
        f.registerVerified("ada");
        failTimes("ada", limit);
        int hashed = f.hasher.verifications.get();

        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofMinutes(1));
            assertThat(throttledLogIn("ada", i % 2 == 0 ? WRONG : PASSWORD).retryAfter())
                    .isEqualTo(lockout.minusMinutes(i + 1));
        }

        assertThat(f.hasher.verifications.get()).isEqualTo(hashed);
    }

    @Test
    void anUnknownNameIsCountedAndThrottledExactlyLikeAKnownOne() {
        f.registerVerified("ada");
        failTimes("ada", limit);
        failTimes("nobody", limit);
        failTimes("nobody@example.com", limit);
        failTimes("x", limit);

        AccountFailure.Throttled known = throttledLogIn("ada", PASSWORD);
        for (String unknown : List.of("nobody", "nobody@example.com", "x")) {
            AccountFailure.Throttled throttled = throttledLogIn(unknown, PASSWORD);
            assertThat(throttled.getMessage()).isEqualTo(known.getMessage());
            assertThat(throttled.retryAfter()).isEqualTo(known.retryAfter());
            assertThat(throttled.fieldErrors()).isEqualTo(known.fieldErrors());
        }
    }

    @Test
    void theCountIsPerLoginNameWithoutRegardToCase() {
        f.registerVerified("ada");
        f.registerVerified("bob");
        failTimes("ada", limit / 2);
        failTimes("ADA", limit - limit / 2);

        throttledLogIn("Ada", PASSWORD);
        assertThat(f.logIn("bob", PASSWORD).refreshToken()).isPresent();
    }

    @Test
    void theNameIsAgainAcceptedOnceTheLockoutHasEnded() {
        SessionGrant registered = f.registerVerified("ada");
        failTimes("ada", limit);
        f.clock.advance(lockout.minusSeconds(1));
        throttledLogIn("ada", PASSWORD);

        f.clock.advance(Duration.ofSeconds(1));

        assertThat(f.logIn("ada", PASSWORD).userId()).isEqualTo(registered.userId());
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        f.registerVerified("ada");
        failTimes("ada", limit - 1);
        f.clock.advance(f.policy.loginFailureWindow());
        failTimes("ada", limit - 1);

        assertThat(f.logIn("ada", PASSWORD).refreshToken()).isPresent();
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        f.registerVerified("ada");
        failTimes("ada", limit - 1);
        f.logIn("ada", PASSWORD);
        failTimes("ada", limit - 1);

        assertThat(f.logIn("ada", PASSWORD).refreshToken()).isPresent();
        failTimes("ada", limit);
        throttledLogIn("ada", PASSWORD);
    }

    @Test
    void concurrentWrongPasswordsAreEachCounted() throws Exception {
        f.registerVerified("ada");

        List<AccountFailure> failures = concurrentLogIns("ada", WRONG, limit);

        assertThat(failures).hasSize(limit).allMatch(AccountFailure.InvalidCredentials.class::isInstance);
        throttledLogIn("ada", PASSWORD);
    }

    @Test
    void aBurstOfConcurrentGuessesGetsNoMorePasswordsCheckedThanTheLimit() throws Exception {
        f.registerVerified("ada");
        int hashed = f.hasher.verifications.get();

        List<AccountFailure> failures = concurrentLogIns("ada", WRONG, 2 * limit);

        assertThat(failures).filteredOn(AccountFailure.InvalidCredentials.class::isInstance).hasSize(limit);
        assertThat(failures).filteredOn(AccountFailure.Throttled.class::isInstance).hasSize(limit);
        assertThat(f.hasher.verifications.get() - hashed).isEqualTo(limit);
    }

    /** Starts {@code n} logins at once and returns how each failed (every one must). */
    private List<AccountFailure> concurrentLogIns(String login, String password, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SessionGrant>> attempts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                attempts.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return f.logIn(login, password);
                }));
            }
            ready.await();
            go.countDown();
            List<AccountFailure> failures = new ArrayList<>();
            for (Future<SessionGrant> attempt : attempts) {
                ExecutionException e = catchThrowableOfType(ExecutionException.class,
                        () -> attempt.get(30, TimeUnit.SECONDS));
                assertThat(e).as("every login fails").isNotNull();
                assertThat(e.getCause()).isInstanceOf(AccountFailure.class);
                failures.add((AccountFailure) e.getCause());
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    private void failTimes(String login, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> f.logIn(login, WRONG)).as("failure %d of %s", i + 1, login)
                    .isInstanceOf(AccountFailure.InvalidCredentials.class);
        }
    }

    private AccountFailure.Throttled throttledLogIn(String login, String password) {
        AccountFailure.Throttled throttled = catchThrowableOfType(AccountFailure.Throttled.class,
                () -> f.logIn(login, password));
        assertThat(throttled).as("%s is throttled", login).isNotNull();
        return throttled;
    }
}

package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.pastDay;
import static dev.stockroom.core.contract.Samples.tokenHash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.LoginAttempts.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What every {@link LoginAttempts} must do. Keys are unique per test, as a shared database needs. */
public abstract class LoginAttemptsContract {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCKOUT = Duration.ofMinutes(5);
    private static final LoginThrottle THREE = new LoginThrottle(3, WINDOW, LOCKOUT);

    protected abstract LoginAttempts attempts();

    @Test
    void blocks_no_key_it_has_never_seen() {
        assertThat(attempts().blockedUntil(tokenHash(), T0)).isEmpty();
    }

    @Test
    void counts_failures_and_blocks_none_below_the_limit() {
        String key = tokenHash();

        assertThat(attempts().claimAttempt(key, T0, THREE)).isEqualTo(new Failures(1, Optional.empty()));
        assertThat(attempts().claimAttempt(key, T0.plusSeconds(1), THREE)).isEqualTo(new Failures(2, Optional.empty()));

        assertThat(attempts().blockedUntil(key, T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void blocks_from_the_failure_that_reaches_the_limit_until_the_lockout_ends() {
        String key = tokenHash();
        attempts().claimAttempt(key, T0, THREE);
        attempts().claimAttempt(key, T0.plusSeconds(1), THREE);
        Instant third = T0.plusSeconds(2);
        Instant end = third.plus(LOCKOUT);

        assertThat(attempts().claimAttempt(key, third, THREE)).isEqualTo(new Failures(3, Optional.of(end)));

        assertThat(attempts().blockedUntil(key, third)).contains(end);
        assertThat(attempts().blockedUntil(key, end.minusNanos(1_000))).contains(end);
        assertThat(attempts().blockedUntil(key, end)).isEmpty();
    }

    @Test
    void a_limit_of_one_blocks_at_the_first_failure() {
        String key = tokenHash();

        Failures first = attempts().claimAttempt(key, T0, new LoginThrottle(1, WINDOW, LOCKOUT));

        assertThat(first).isEqualTo(new Failures(1, Optional.of(T0.plus(LOCKOUT))));
        assertThat(attempts().blockedUntil(key, T0)).contains(T0.plus(LOCKOUT));
    }

    @Test
    void starts_a_new_count_once_the_window_of_the_first_failure_has_passed() {
        String key = tokenHash();
        attempts().claimAttempt(key, T0, THREE);
        assertThat(attempts().claimAttempt(key, T0.plus(WINDOW).minusNanos(1_000), THREE).count()).isEqualTo(2);

        assertThat(attempts().claimAttempt(key, T0.plus(WINDOW), THREE).count()).isEqualTo(1);
        assertThat(attempts().claimAttempt(key, T0.plus(WINDOW).plusSeconds(1), THREE).count()).isEqualTo(2);
    }

    @Test
    void starts_a_new_count_after_a_lockout_ends() {
        String key = tokenHash();
        for (int i = 0; i < 3; i++) {
            attempts().claimAttempt(key, T0, THREE);
        }
        Instant afterLockout = T0.plus(LOCKOUT);

        assertThat(attempts().claimAttempt(key, afterLockout, THREE)).isEqualTo(new Failures(1, Optional.empty()));
        assertThat(attempts().blockedUntil(key, afterLockout)).isEmpty();
    }

    @Test
    void clear_forgets_the_failures_and_the_lockout() {
        String key = tokenHash();
        for (int i = 0; i < 3; i++) {
            attempts().claimAttempt(key, T0, THREE);
        }

        attempts().clear(key);

        assertThat(attempts().blockedUntil(key, T0)).isEmpty();
        assertThat(attempts().claimAttempt(key, T0.plusSeconds(1), THREE).count()).isEqualTo(1);
    }

    @Test
    void clears_a_key_it_has_never_seen() {
        String key = tokenHash();

        attempts().clear(key);

        assertThat(attempts().blockedUntil(key, T0)).isEmpty();
    }

    @Test
    void keeps_each_key_apart() {
        String blocked = tokenHash();
        String other = tokenHash();
        for (int i = 0; i < 3; i++) {
            attempts().claimAttempt(blocked, T0, THREE);
        }

        assertThat(attempts().blockedUntil(other, T0)).isEmpty();
        assertThat(attempts().claimAttempt(other, T0, THREE).count()).isEqualTo(1);
        attempts().clear(other);
        assertThat(attempts().blockedUntil(blocked, T0)).isPresent();
    }

    @Test
    void counts_every_one_of_concurrent_first_failures() throws Exception {
        String key = tokenHash();
        LoginThrottle generous = new LoginThrottle(100, WINDOW, LOCKOUT);

        List<Integer> counts = Race.run(8, () -> attempts().claimAttempt(key, T0, generous).count());

        assertThat(counts).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8).boxed().toList());
    }

    @Test
    void counts_every_one_of_concurrent_failures_and_blocks_from_the_one_that_reaches_the_limit() throws Exception {
        String key = tokenHash();
        LoginThrottle ten = new LoginThrottle(10, WINDOW, LOCKOUT);
        attempts().claimAttempt(key, T0, ten);

        List<Failures> results = Race.run(8, () -> attempts().claimAttempt(key, T0.plusSeconds(1), ten));

        assertThat(results).extracting(Failures::count)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, 9).boxed().toList());
        assertThat(results).allMatch(f -> f.blockedUntil().isEmpty());
        assertThat(attempts().claimAttempt(key, T0.plusSeconds(2), ten).blockedUntil())
                .contains(T0.plusSeconds(2).plus(LOCKOUT));
    }

    @Test
    void purges_the_keys_no_longer_locked_whose_next_attempt_would_count_afresh() {
        Duration hour = Duration.ofHours(1);
        LoginThrottle throttle = new LoginThrottle(5, hour, hour);
        Instant now = pastDay().plus(Duration.ofHours(3));
        String windowPassed = tokenHash();
        String windowLeft = tokenHash();
        String lockoutLeft = tokenHash();
        String lockoutEnded = tokenHash();
        attempts().claimAttempt(windowPassed, now.minus(hour), throttle);
        attempts().claimAttempt(windowLeft, now.minus(hour).plusNanos(1_000), throttle);
        attempts().claimAttempt(lockoutLeft, now.minus(hour), new LoginThrottle(1, hour, hour.plusNanos(1_000)));
        attempts().claimAttempt(lockoutEnded, now.minusSeconds(60), new LoginThrottle(1, hour, Duration.ofSeconds(60)));

        assertThat(attempts().purgeStale(now, throttle)).isEqualTo(2);
        assertThat(attempts().purgeStale(now, throttle)).isZero();

        assertThat(attempts().claimAttempt(windowLeft, now, throttle).count()).isEqualTo(2);
        assertThat(attempts().blockedUntil(lockoutLeft, now)).contains(now.plusNanos(1_000));
    }

    @Test
    void concurrent_purges_forget_each_key_once() throws Exception {
        Instant now = pastDay().plus(Duration.ofHours(3));
        IntStream.range(0, 5).forEach(i -> attempts().claimAttempt(tokenHash(), now.minus(WINDOW), THREE));

        List<Integer> purged = Race.run(4, () -> attempts().purgeStale(now, THREE));

        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }
}

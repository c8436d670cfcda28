package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.pastDay;
import static dev.stockroom.core.contract.Samples.tokenHash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.LoginThrottle;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.LoginAttempts.Claim;
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

    /** One wrong password, the way the login does it: a granted check, then its failure. */
    private Failures wrongPassword(String key, Instant at, LoginThrottle throttle) {
        assertThat(attempts().claim(key, at, throttle)).isEqualTo(Claim.granted());
        return attempts().failed(key, at, throttle);
    }

    @Test
    void blocks_no_key_it_has_never_seen_and_grants_it_a_check() {
        String key = tokenHash();

        assertThat(attempts().blockedUntil(key, T0)).isEmpty();
        assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.granted());
    }

    @Test
    void counts_failures_and_blocks_none_below_the_limit() {
        String key = tokenHash();

        assertThat(wrongPassword(key, T0, THREE)).isEqualTo(new Failures(1, Optional.empty()));
        assertThat(wrongPassword(key, T0.plusSeconds(1), THREE)).isEqualTo(new Failures(2, Optional.empty()));

        assertThat(attempts().blockedUntil(key, T0.plusSeconds(2))).isEmpty();
        assertThat(attempts().claim(key, T0.plusSeconds(2), THREE)).isEqualTo(Claim.granted());
    }

    @Test
    void blocks_from_the_failure_that_reaches_the_limit_until_the_lockout_ends() {
        String key = tokenHash();
        wrongPassword(key, T0, THREE);
        wrongPassword(key, T0.plusSeconds(1), THREE);
        Instant third = T0.plusSeconds(2);
        Instant end = third.plus(LOCKOUT);

        assertThat(wrongPassword(key, third, THREE)).isEqualTo(new Failures(3, Optional.of(end)));

        assertThat(attempts().blockedUntil(key, third)).contains(end);
        assertThat(attempts().claim(key, third, THREE)).isEqualTo(Claim.blocked(end));
        assertThat(attempts().blockedUntil(key, end.minusNanos(1_000))).contains(end);
        assertThat(attempts().claim(key, end.minusNanos(1_000), THREE)).isEqualTo(Claim.blocked(end));
        assertThat(attempts().blockedUntil(key, end)).isEmpty();
    }

    @Test
    void a_limit_of_one_blocks_at_the_first_failure() {
        String key = tokenHash();
        LoginThrottle one = new LoginThrottle(1, WINDOW, LOCKOUT);

        assertThat(wrongPassword(key, T0, one)).isEqualTo(new Failures(1, Optional.of(T0.plus(LOCKOUT))));
        assertThat(attempts().blockedUntil(key, T0)).contains(T0.plus(LOCKOUT));
    }

    @Test
    void starts_a_new_count_once_the_window_of_the_first_failure_has_passed() {
        String key = tokenHash();
        wrongPassword(key, T0, THREE);
        assertThat(wrongPassword(key, T0.plus(WINDOW).minusNanos(1_000), THREE).count()).isEqualTo(2);

        assertThat(wrongPassword(key, T0.plus(WINDOW), THREE).count()).isEqualTo(1);
        assertThat(wrongPassword(key, T0.plus(WINDOW).plusSeconds(1), THREE).count()).isEqualTo(2);
    }

    @Test
    void a_failure_after_the_window_counts_afresh_even_when_its_check_was_granted_inside_it() {
        String key = tokenHash();
        wrongPassword(key, T0, THREE);
        wrongPassword(key, T0.plusSeconds(1), THREE);
        assertThat(attempts().claim(key, T0.plus(WINDOW).minusNanos(1_000), THREE)).isEqualTo(Claim.granted());

        assertThat(attempts().failed(key, T0.plus(WINDOW), THREE)).isEqualTo(new Failures(1, Optional.empty()));
    }

    @Test
    void starts_a_new_count_after_a_lockout_ends() {
        String key = tokenHash();
        for (int i = 0; i < 3; i++) {
            wrongPassword(key, T0, THREE);
        }
        Instant afterLockout = T0.plus(LOCKOUT);

        assertThat(wrongPassword(key, afterLockout, THREE)).isEqualTo(new Failures(1, Optional.empty()));
        assertThat(attempts().blockedUntil(key, afterLockout)).isEmpty();
    }

    @Test
    void a_success_forgets_the_failures() {
        String key = tokenHash();
        wrongPassword(key, T0, THREE);
        wrongPassword(key, T0, THREE);
        assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.granted());

        attempts().succeeded(key, T0);

        assertThat(wrongPassword(key, T0.plusSeconds(1), THREE)).isEqualTo(new Failures(1, Optional.empty()));
        assertThat(wrongPassword(key, T0.plusSeconds(1), THREE).blockedUntil()).isEmpty();
        assertThat(wrongPassword(key, T0.plusSeconds(1), THREE).blockedUntil()).isPresent();
    }

    @Test
    void settling_a_key_it_has_never_seen_changes_nothing_that_matters() {
        String succeeded = tokenHash();
        String abandoned = tokenHash();

        attempts().succeeded(succeeded, T0);
        attempts().abandoned(abandoned, T0);

        for (String key : List.of(succeeded, abandoned)) {
            assertThat(attempts().blockedUntil(key, T0)).isEmpty();
            for (int i = 0; i < 3; i++) {
                assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.granted());
            }
        }
    }

    @Test
    void grants_no_more_checks_than_the_failures_left_before_the_lockout() {
        String key = tokenHash();
        wrongPassword(key, T0, THREE);

        assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.granted());
        assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.granted());
        assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.busy());

        attempts().abandoned(key, T0);
        assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.granted());
        assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.busy());
    }

    @Test
    void checks_in_flight_are_no_failures_and_never_lock_the_key() {
        String key = tokenHash();
        for (int i = 0; i < 3; i++) {
            assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.granted());
        }

        for (int i = 0; i < 3; i++) {
            attempts().succeeded(key, T0);
        }

        assertThat(attempts().blockedUntil(key, T0)).isEmpty();
        for (int i = 0; i < 2; i++) {
            assertThat(wrongPassword(key, T0, THREE).blockedUntil()).isEmpty();
        }
    }

    @Test
    void a_check_never_settled_frees_its_place_when_its_lease_runs_out() {
        String key = tokenHash();
        for (int i = 0; i < 3; i++) {
            attempts().claim(key, T0, THREE);
        }
        assertThat(attempts().claim(key, T0.plus(LoginAttempts.CHECK_LEASE).minusNanos(1_000), THREE))
                .isEqualTo(Claim.busy());

        assertThat(attempts().claim(key, T0.plus(LoginAttempts.CHECK_LEASE), THREE)).isEqualTo(Claim.granted());
    }

    @Test
    void keeps_each_key_apart() {
        String blocked = tokenHash();
        String other = tokenHash();
        for (int i = 0; i < 3; i++) {
            wrongPassword(blocked, T0, THREE);
        }

        assertThat(attempts().blockedUntil(other, T0)).isEmpty();
        assertThat(wrongPassword(other, T0, THREE).count()).isEqualTo(1);
        attempts().succeeded(other, T0);
        assertThat(attempts().blockedUntil(blocked, T0)).isPresent();
    }

    @Test
    void of_concurrent_claims_grants_exactly_as_many_as_there_are_places() throws Exception {
        String key = tokenHash();
        LoginThrottle five = new LoginThrottle(5, WINDOW, LOCKOUT);

        List<Claim> claims = Race.run(8, () -> attempts().claim(key, T0, five));

        assertThat(claims).filteredOn(c -> c.equals(Claim.granted())).hasSize(5);
        assertThat(claims).filteredOn(c -> c.equals(Claim.busy())).hasSize(3);
    }

    @Test
    void counts_every_one_of_concurrent_failures_and_blocks_from_the_one_that_reaches_the_limit() throws Exception {
        String key = tokenHash();
        LoginThrottle nine = new LoginThrottle(9, WINDOW, LOCKOUT);
        wrongPassword(key, T0, nine);
        for (int i = 0; i < 8; i++) {
            assertThat(attempts().claim(key, T0, nine)).isEqualTo(Claim.granted());
        }

        List<Failures> results = Race.run(8, () -> attempts().failed(key, T0.plusSeconds(1), nine));

        assertThat(results).extracting(Failures::count)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, 9).boxed().toList());
        assertThat(results).filteredOn(f -> f.blockedUntil().isPresent()).singleElement()
                .isEqualTo(new Failures(9, Optional.of(T0.plusSeconds(1).plus(LOCKOUT))));
        assertThat(attempts().blockedUntil(key, T0.plusSeconds(2))).contains(T0.plusSeconds(1).plus(LOCKOUT));
    }

    @Test
    void concurrent_first_failures_of_a_key_each_count() throws Exception {
        String key = tokenHash();
        LoginThrottle generous = new LoginThrottle(100, WINDOW, LOCKOUT);

        List<Integer> counts = Race.run(8, () -> attempts().failed(key, T0, generous).count());

        assertThat(counts).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 8).boxed().toList());
    }

    @Test
    void successes_racing_claims_never_fail_and_leave_every_place_free() throws Exception {
        String key = tokenHash();
        LoginThrottle four = new LoginThrottle(4, WINDOW, LOCKOUT);

        List<Integer> granted = Race.run(8, () -> {
            int mine = 0;
            for (int i = 0; i < 25; i++) {
                if (attempts().claim(key, T0, four).equals(Claim.granted())) {
                    mine++;
                    attempts().succeeded(key, T0);
                }
            }
            return mine;
        });

        assertThat(granted.stream().mapToInt(Integer::intValue).sum()).isPositive();
        assertThat(attempts().blockedUntil(key, T0)).isEmpty();
        for (int i = 0; i < 4; i++) {
            assertThat(attempts().claim(key, T0, four)).isEqualTo(Claim.granted());
        }
    }

    @Test
    void purges_the_keys_no_longer_locked_whose_next_failure_would_count_afresh() {
        Duration hour = Duration.ofHours(1);
        LoginThrottle throttle = new LoginThrottle(5, hour, hour);
        Instant now = pastDay().plus(Duration.ofHours(3));
        String windowPassed = tokenHash();
        String windowLeft = tokenHash();
        String lockoutLeft = tokenHash();
        String lockoutEnded = tokenHash();
        String succeeded = tokenHash();
        String checkInFlight = tokenHash();
        wrongPassword(windowPassed, now.minus(hour), throttle);
        wrongPassword(windowLeft, now.minus(hour).plusNanos(1_000), throttle);
        wrongPassword(lockoutLeft, now.minus(hour), new LoginThrottle(1, hour, hour.plusNanos(1_000)));
        wrongPassword(lockoutEnded, now.minusSeconds(60), new LoginThrottle(1, hour, Duration.ofSeconds(60)));
        attempts().claim(succeeded, now.minus(hour), throttle);
        attempts().succeeded(succeeded, now.minus(hour));
        attempts().claim(checkInFlight, now.minusSeconds(1), throttle);

        assertThat(attempts().purgeStale(now, throttle)).isEqualTo(3);
        assertThat(attempts().purgeStale(now, throttle)).isZero();

        assertThat(wrongPassword(windowLeft, now, throttle).count()).isEqualTo(2);
        assertThat(attempts().blockedUntil(lockoutLeft, now)).contains(now.plusNanos(1_000));
        for (int i = 1; i < 5; i++) {
            assertThat(attempts().claim(checkInFlight, now, throttle)).isEqualTo(Claim.granted());
        }
        assertThat(attempts().claim(checkInFlight, now, throttle)).isEqualTo(Claim.busy());
    }

    @Test
    void concurrent_purges_forget_each_key_once() throws Exception {
        Instant now = pastDay().plus(Duration.ofHours(3));
        IntStream.range(0, 5).forEach(i -> wrongPassword(tokenHash(), now.minus(WINDOW), THREE));

        List<Integer> purged = Race.run(4, () -> attempts().purgeStale(now, THREE));

        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }
}

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
    private static final Duration FIRST = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofSeconds(40);
    private static final Duration MEMORY = Duration.ofHours(1);
    /** Three free failures; then waits of 10, 20, 40, 40… seconds; forgotten an hour after the last. */
    private static final LoginThrottle THREE = new LoginThrottle(3, FIRST, MAX, MEMORY);

    private static final Duration MICRO = Duration.ofNanos(1_000);

    protected abstract LoginAttempts attempts();

    /** One wrong password, the way the login does it: a granted check, then its failure. */
    private Failures wrongPassword(String key, Instant at, LoginThrottle throttle) {
        assertThat(attempts().claim(key, at, throttle)).isEqualTo(Claim.granted());
        return attempts().failed(key, at, throttle);
    }

    /** As many wrong passwords as there are free ones, all at {@code at}: the last sets the first delay. */
    private void useUpTheFreeFailures(String key, Instant at) {
        for (int i = 0; i < THREE.freeFailures(); i++) {
            wrongPassword(key, at, THREE);
        }
    }

    /** Claims {@code places} checks, finds the next one busy, and gives the places back. */
    private void assertPlaces(String key, Instant at, int places) {
        for (int i = 0; i < places; i++) {
            assertThat(attempts().claim(key, at, THREE))
                    .as("claim %d of %d", i + 1, places)
                    .isEqualTo(Claim.granted());
        }
        assertThat(attempts().claim(key, at, THREE))
                .as("claim beyond %d places", places)
                .isEqualTo(Claim.busy());
        for (int i = 0; i < places; i++) {
            attempts().abandoned(key, at);
        }
    }

    @Test
    void blocks_no_key_it_has_never_seen_and_grants_it_a_check() {
        String key = tokenHash();

        assertThat(attempts().blockedUntil(key, T0)).isEmpty();
        assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.granted());
    }

    @Test
    void counts_the_free_failures_without_any_delay() {
        String key = tokenHash();

        assertThat(wrongPassword(key, T0, THREE)).isEqualTo(new Failures(1, Optional.empty()));
        assertThat(wrongPassword(key, T0.plusSeconds(1), THREE)).isEqualTo(new Failures(2, Optional.empty()));

        assertThat(attempts().blockedUntil(key, T0.plusSeconds(1))).isEmpty();
        assertThat(attempts().claim(key, T0.plusSeconds(1), THREE)).isEqualTo(Claim.granted());
    }

    @Test
    void the_failure_that_uses_up_the_free_ones_delays_the_next_check_by_the_first_delay() {
        String key = tokenHash();
        wrongPassword(key, T0, THREE);
        wrongPassword(key, T0.plusSeconds(1), THREE);
        Instant third = T0.plusSeconds(2);
        Instant end = third.plus(FIRST);

        assertThat(wrongPassword(key, third, THREE)).isEqualTo(new Failures(3, Optional.of(end)));

        assertThat(attempts().blockedUntil(key, third)).contains(end);
        assertThat(attempts().claim(key, third, THREE)).isEqualTo(Claim.blocked(end));
        assertThat(attempts().blockedUntil(key, end.minus(MICRO))).contains(end);
        assertThat(attempts().claim(key, end.minus(MICRO), THREE)).isEqualTo(Claim.blocked(end));
        assertThat(attempts().blockedUntil(key, end)).isEmpty();
        assertThat(attempts().claim(key, end, THREE)).isEqualTo(Claim.granted());
    }

    @Test
    void each_later_failure_doubles_the_delay_up_to_the_longest() {
        String key = tokenHash();
        useUpTheFreeFailures(key, T0);
        Instant at = T0.plus(FIRST);

        List<Duration> delays = List.of(Duration.ofSeconds(20), Duration.ofSeconds(40), MAX, MAX);
        int count = THREE.freeFailures();
        for (Duration delay : delays) {
            count++;
            assertThat(wrongPassword(key, at, THREE)).isEqualTo(new Failures(count, Optional.of(at.plus(delay))));
            assertThat(attempts().claim(key, at.plus(delay).minus(MICRO), THREE))
                    .isEqualTo(Claim.blocked(at.plus(delay)));
            at = at.plus(delay);
        }
    }

    @Test
    void a_delay_that_ends_forgets_nothing() {
        String key = tokenHash();
        useUpTheFreeFailures(key, T0);
        Instant afterDelay = T0.plus(FIRST);

        assertThat(wrongPassword(key, afterDelay, THREE))
                .isEqualTo(new Failures(4, Optional.of(afterDelay.plus(FIRST.multipliedBy(2)))));
    }

    @Test
    void a_limit_of_one_free_failure_delays_from_the_first_failure() {
        String key = tokenHash();
        LoginThrottle one = new LoginThrottle(1, FIRST, MAX, MEMORY);

        assertThat(wrongPassword(key, T0, one)).isEqualTo(new Failures(1, Optional.of(T0.plus(FIRST))));
        assertThat(attempts().blockedUntil(key, T0)).contains(T0.plus(FIRST));
    }

    @Test
    void the_right_password_after_the_delay_is_checked_and_forgets_the_failures() {
        String key = tokenHash();
        useUpTheFreeFailures(key, T0);
        Instant afterDelay = T0.plus(FIRST);

        assertThat(attempts().claim(key, afterDelay, THREE)).isEqualTo(Claim.granted());
        attempts().succeeded(key, afterDelay);

        assertThat(attempts().blockedUntil(key, afterDelay)).isEmpty();
        assertThat(wrongPassword(key, afterDelay, THREE)).isEqualTo(new Failures(1, Optional.empty()));
        assertThat(wrongPassword(key, afterDelay, THREE)).isEqualTo(new Failures(2, Optional.empty()));
        assertThat(wrongPassword(key, afterDelay, THREE).blockedUntil()).contains(afterDelay.plus(FIRST));
    }

    @Test
    void forgets_the_failures_once_the_last_one_is_as_old_as_the_memory() {
        String key = tokenHash();
        wrongPassword(key, T0, THREE);
        // Counted from the last failure, not the first: this one is still remembered…
        Instant second = T0.plus(MEMORY).minus(MICRO);
        assertThat(wrongPassword(key, second, THREE).count()).isEqualTo(2);

        // …and the count starts again one memory after it.
        assertThat(wrongPassword(key, second.plus(MEMORY), THREE)).isEqualTo(new Failures(1, Optional.empty()));
    }

    @Test
    void a_key_with_delays_is_forgotten_one_memory_after_its_last_failure() {
        String key = tokenHash();
        useUpTheFreeFailures(key, T0);
        wrongPassword(key, T0.plus(FIRST), THREE);
        Instant last = T0.plus(FIRST);

        assertThat(wrongPassword(key, last.plus(MEMORY), THREE)).isEqualTo(new Failures(1, Optional.empty()));
    }

    @Test
    void a_claim_one_memory_after_the_last_failure_finds_every_place_free_again() {
        String key = tokenHash();
        wrongPassword(key, T0, THREE);
        wrongPassword(key, T0, THREE);
        assertPlaces(key, T0.plus(MEMORY).minus(MICRO), 1);

        assertPlaces(key, T0.plus(MEMORY), THREE.freeFailures());
    }

    @Test
    void a_failure_one_memory_after_the_last_counts_afresh_even_when_its_check_was_granted_before() {
        String key = tokenHash();
        wrongPassword(key, T0, THREE);
        wrongPassword(key, T0, THREE);
        assertThat(attempts().claim(key, T0.plus(MEMORY).minus(MICRO), THREE)).isEqualTo(Claim.granted());

        assertThat(attempts().failed(key, T0.plus(MEMORY), THREE)).isEqualTo(new Failures(1, Optional.empty()));
    }

    @Test
    void places_shrink_with_each_free_failure_and_are_one_once_delays_apply() {
        String key = tokenHash();

        assertPlaces(key, T0, 3);
        wrongPassword(key, T0, THREE);
        assertPlaces(key, T0, 2);
        wrongPassword(key, T0, THREE);
        assertPlaces(key, T0, 1);
        wrongPassword(key, T0, THREE);
        assertPlaces(key, T0.plus(FIRST), 1);
        wrongPassword(key, T0.plus(FIRST), THREE);
        assertPlaces(key, T0.plus(FIRST).plus(FIRST.multipliedBy(2)), 1);
    }

    @Test
    void a_running_delay_is_the_answer_even_while_every_place_is_taken() {
        String key = tokenHash();
        // Five checks in flight (granted under a more generous throttle), then three of them fail.
        LoginThrottle five = new LoginThrottle(5, FIRST, MAX, MEMORY);
        for (int i = 0; i < 5; i++) {
            assertThat(attempts().claim(key, T0, five)).isEqualTo(Claim.granted());
        }
        for (int i = 0; i < 3; i++) {
            attempts().failed(key, T0, THREE);
        }

        assertThat(attempts().claim(key, T0, THREE)).isEqualTo(Claim.blocked(T0.plus(FIRST)));
        assertThat(attempts().claim(key, T0.plus(FIRST), THREE)).isEqualTo(Claim.busy());
    }

    @Test
    void settling_a_key_it_has_never_seen_changes_nothing_that_matters() {
        String succeeded = tokenHash();
        String abandoned = tokenHash();

        attempts().succeeded(succeeded, T0);
        attempts().abandoned(abandoned, T0);

        for (String key : List.of(succeeded, abandoned)) {
            assertThat(attempts().blockedUntil(key, T0)).isEmpty();
            assertPlaces(key, T0, 3);
        }
    }

    @Test
    void a_settled_check_gives_its_place_back() {
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
    void checks_in_flight_are_no_failures_and_never_delay_the_key() {
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
        assertThat(attempts().claim(key, T0.plus(LoginAttempts.CHECK_LEASE).minus(MICRO), THREE))
                .isEqualTo(Claim.busy());

        assertThat(attempts().claim(key, T0.plus(LoginAttempts.CHECK_LEASE), THREE))
                .isEqualTo(Claim.granted());
    }

    @Test
    void keeps_each_key_apart() {
        String delayed = tokenHash();
        String other = tokenHash();
        useUpTheFreeFailures(delayed, T0);

        assertThat(attempts().blockedUntil(other, T0)).isEmpty();
        assertThat(wrongPassword(other, T0, THREE).count()).isEqualTo(1);
        attempts().claim(other, T0, THREE);
        attempts().succeeded(other, T0);
        assertThat(attempts().blockedUntil(delayed, T0)).contains(T0.plus(FIRST));
    }

    @Test
    void forgets_the_failures_and_delays_of_the_given_keys_only_and_keeps_their_checks_in_flight() {
        String delayed = tokenHash();
        String withCheckInFlight = tokenHash();
        String untouched = tokenHash();
        useUpTheFreeFailures(delayed, T0);
        wrongPassword(withCheckInFlight, T0, THREE);
        wrongPassword(withCheckInFlight, T0, THREE);
        assertThat(attempts().claim(withCheckInFlight, T0, THREE)).isEqualTo(Claim.granted());
        useUpTheFreeFailures(untouched, T0);

        attempts().forget(List.of(delayed, withCheckInFlight, tokenHash()));

        assertThat(attempts().blockedUntil(delayed, T0)).isEmpty();
        assertThat(wrongPassword(delayed, T0, THREE)).isEqualTo(new Failures(1, Optional.empty()));
        // Three places again, one of them still taken by the check in flight.
        assertThat(attempts().claim(withCheckInFlight, T0, THREE)).isEqualTo(Claim.granted());
        assertThat(attempts().claim(withCheckInFlight, T0, THREE)).isEqualTo(Claim.granted());
        assertThat(attempts().claim(withCheckInFlight, T0, THREE)).isEqualTo(Claim.busy());
        assertThat(attempts().blockedUntil(untouched, T0)).contains(T0.plus(FIRST));
    }

    @Test
    void forgetting_no_keys_changes_nothing() {
        String delayed = tokenHash();
        useUpTheFreeFailures(delayed, T0);

        attempts().forget(List.of());

        assertThat(attempts().blockedUntil(delayed, T0)).contains(T0.plus(FIRST));
    }

    @Test
    void of_concurrent_claims_grants_exactly_as_many_as_there_are_places() throws Exception {
        String key = tokenHash();
        LoginThrottle five = new LoginThrottle(5, FIRST, MAX, MEMORY);

        List<Claim> claims = Race.run(8, () -> attempts().claim(key, T0, five));

        assertThat(claims).filteredOn(c -> c.equals(Claim.granted())).hasSize(5);
        assertThat(claims).filteredOn(c -> c.equals(Claim.busy())).hasSize(3);
    }

    @Test
    void of_concurrent_claims_after_failures_grants_only_the_places_left() throws Exception {
        String key = tokenHash();
        LoginThrottle five = new LoginThrottle(5, FIRST, MAX, MEMORY);
        for (int i = 0; i < 3; i++) {
            wrongPassword(key, T0, five);
        }

        List<Claim> claims = Race.run(8, () -> attempts().claim(key, T0, five));

        assertThat(claims).filteredOn(c -> c.equals(Claim.granted())).hasSize(2);
        assertThat(claims).filteredOn(c -> c.equals(Claim.busy())).hasSize(6);
    }

    @Test
    void of_concurrent_claims_once_delays_apply_grants_one() throws Exception {
        String key = tokenHash();
        useUpTheFreeFailures(key, T0);

        List<Claim> claims = Race.run(8, () -> attempts().claim(key, T0.plus(FIRST), THREE));

        assertThat(claims).filteredOn(c -> c.equals(Claim.granted())).hasSize(1);
        assertThat(claims).filteredOn(c -> c.equals(Claim.busy())).hasSize(7);
    }

    @Test
    void counts_every_one_of_concurrent_failures_and_delays_from_the_one_that_uses_up_the_free_ones() throws Exception {
        String key = tokenHash();
        LoginThrottle nine = new LoginThrottle(9, FIRST, MAX, MEMORY);
        wrongPassword(key, T0, nine);
        for (int i = 0; i < 8; i++) {
            assertThat(attempts().claim(key, T0, nine)).isEqualTo(Claim.granted());
        }
        Instant at = T0.plusSeconds(1);

        List<Failures> results = Race.run(8, () -> attempts().failed(key, at, nine));

        assertThat(results)
                .extracting(Failures::count)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(2, 9).boxed().toList());
        assertThat(results)
                .filteredOn(f -> f.blockedUntil().isPresent())
                .singleElement()
                .isEqualTo(new Failures(9, Optional.of(at.plus(FIRST))));
        assertThat(attempts().blockedUntil(key, at.plusSeconds(1))).contains(at.plus(FIRST));
    }

    @Test
    void concurrent_first_failures_of_a_key_each_count() throws Exception {
        String key = tokenHash();
        LoginThrottle generous = new LoginThrottle(100, FIRST, MAX, MEMORY);

        List<Integer> counts =
                Race.run(8, () -> attempts().failed(key, T0, generous).count());

        assertThat(counts)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 8).boxed().toList());
    }

    @Test
    void successes_racing_claims_never_fail_and_leave_every_place_free() throws Exception {
        String key = tokenHash();
        LoginThrottle four = new LoginThrottle(4, FIRST, MAX, MEMORY);

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
    void purges_the_keys_with_no_check_in_flight_no_delay_running_and_no_failure_remembered() {
        Duration hour = Duration.ofHours(1);
        LoginThrottle throttle = new LoginThrottle(2, Duration.ofMinutes(10), Duration.ofMinutes(30), hour);
        Instant now = pastDay().plus(Duration.ofHours(3));
        // Every key with nothing left to remember is stale, whenever it was written: clear what
        // earlier tests left, so that the count below is this test's alone.
        attempts().purgeStale(now, throttle);
        String forgotten = tokenHash();
        String remembered = tokenHash();
        String delayRunning = tokenHash();
        String delayEndedLongAgo = tokenHash();
        String delayEndedRemembered = tokenHash();
        String succeeded = tokenHash();
        String checkInFlight = tokenHash();
        String leaseRanOut = tokenHash();
        wrongPassword(forgotten, now.minus(hour), throttle);
        wrongPassword(remembered, now.minus(hour).plus(MICRO), throttle);
        // Recorded under throttles with other delays, so that a delay runs past the memory or ends early.
        wrongPassword(
                delayRunning,
                now.minus(hour),
                new LoginThrottle(1, hour.plus(MICRO), hour.plus(MICRO), Duration.ofHours(3)));
        wrongPassword(
                delayEndedLongAgo,
                now.minus(hour),
                new LoginThrottle(1, Duration.ofMinutes(1), Duration.ofMinutes(1), hour));
        wrongPassword(
                delayEndedRemembered,
                now.minus(Duration.ofMinutes(30)),
                new LoginThrottle(1, Duration.ofMinutes(1), Duration.ofMinutes(1), hour));
        attempts().claim(succeeded, now.minusSeconds(1), throttle);
        attempts().succeeded(succeeded, now.minusSeconds(1));
        attempts().claim(checkInFlight, now.minusSeconds(1), throttle);
        attempts().claim(leaseRanOut, now.minus(LoginAttempts.CHECK_LEASE), throttle);

        assertThat(attempts().purgeStale(now, throttle)).isEqualTo(4);
        assertThat(attempts().purgeStale(now, throttle)).isZero();

        assertThat(wrongPassword(remembered, now, throttle).count()).isEqualTo(2);
        assertThat(attempts().blockedUntil(delayRunning, now)).contains(now.plus(MICRO));
        assertThat(wrongPassword(delayEndedRemembered, now, throttle).count()).isEqualTo(2);
        assertThat(attempts().claim(checkInFlight, now, throttle)).isEqualTo(Claim.granted());
        assertThat(attempts().claim(checkInFlight, now, throttle)).isEqualTo(Claim.busy());
    }

    @Test
    void concurrent_purges_forget_each_key_once() throws Exception {
        Instant now = pastDay().plus(Duration.ofHours(3));
        attempts().purgeStale(now, THREE);
        IntStream.range(0, 5).forEach(i -> wrongPassword(tokenHash(), now.minus(MEMORY), THREE));

        List<Integer> purged = Race.run(4, () -> attempts().purgeStale(now, THREE));

        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }
}

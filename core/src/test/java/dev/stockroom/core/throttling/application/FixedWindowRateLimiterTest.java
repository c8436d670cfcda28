package dev.stockroom.core.throttling.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.testing.InMemoryRateCounters;
import dev.stockroom.core.testing.MutableClock;
import dev.stockroom.core.throttling.domain.CounterKey;
import dev.stockroom.core.throttling.domain.FixedWindow;
import dev.stockroom.core.throttling.domain.RatePolicy;
import dev.stockroom.core.throttling.domain.RateStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FixedWindowRateLimiterTest {
    private static final Instant HOUR_START = Instant.parse("2025-03-01T09:00:00Z");
    private static final RatePolicy THREE_AN_HOUR = new RatePolicy("register", 3, Duration.ofHours(1));
    private static final String CLIENT = "203.0.113.7";

    private final MutableClock clock = new MutableClock(HOUR_START.plusSeconds(600));
    private final InMemoryRateCounters counters = new InMemoryRateCounters();
    private final FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(counters, clock);

    @Test
    void hits_are_allowed_up_to_the_limit_and_refused_beyond_it() {
        assertThat(limiter.hit(THREE_AN_HOUR, CLIENT)).isEqualTo(status(1, true, Duration.ofMinutes(50)));
        assertThat(limiter.hit(THREE_AN_HOUR, CLIENT).remaining()).isEqualTo(1);
        RateStatus third = limiter.hit(THREE_AN_HOUR, CLIENT);
        RateStatus fourth = limiter.hit(THREE_AN_HOUR, CLIENT);

        assertThat(third.allowed()).isTrue();
        assertThat(third.remaining()).isZero();
        assertThat(fourth).isEqualTo(status(4, false, Duration.ofMinutes(50)));
        assertThat(fourth.remaining()).isZero();
    }

    @Test
    void a_peek_counts_nothing_and_allows_while_one_more_hit_would_be_within_the_limit() {
        assertThat(limiter.peek(THREE_AN_HOUR, CLIENT)).isEqualTo(status(0, true, Duration.ofMinutes(50)));
        limiter.hit(THREE_AN_HOUR, CLIENT);
        limiter.hit(THREE_AN_HOUR, CLIENT);
        assertThat(limiter.peek(THREE_AN_HOUR, CLIENT).allowed()).isTrue();

        limiter.hit(THREE_AN_HOUR, CLIENT);

        assertThat(limiter.peek(THREE_AN_HOUR, CLIENT)).isEqualTo(status(3, false, Duration.ofMinutes(50)));
        assertThat(limiter.peek(THREE_AN_HOUR, CLIENT).hits()).isEqualTo(3);
    }

    @Test
    void windows_are_aligned_to_the_epoch_and_the_next_one_starts_from_zero() {
        for (int i = 0; i < 4; i++) {
            limiter.hit(THREE_AN_HOUR, CLIENT);
        }
        clock.set(HOUR_START.plus(Duration.ofHours(1)).minusMillis(1));
        assertThat(limiter.peek(THREE_AN_HOUR, CLIENT)).isEqualTo(status(4, false, Duration.ofMillis(1)));

        clock.set(HOUR_START.plus(Duration.ofHours(1)));

        assertThat(limiter.hit(THREE_AN_HOUR, CLIENT)).isEqualTo(status(1, true, Duration.ofHours(1)));
    }

    @Test
    void subjects_and_policies_are_counted_apart() {
        RatePolicy otherPolicy = new RatePolicy("forget", 3, Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            limiter.hit(THREE_AN_HOUR, CLIENT);
        }

        assertThat(limiter.hit(THREE_AN_HOUR, "203.0.113.8").hits()).isEqualTo(1);
        assertThat(limiter.hit(otherPolicy, CLIENT).hits()).isEqualTo(1);
        assertThat(limiter.peek(THREE_AN_HOUR, CLIENT).hits()).isEqualTo(3);
    }

    @Test
    void the_store_is_given_the_digest_of_the_subject_under_the_policy_name() {
        limiter.hit(THREE_AN_HOUR, CLIENT);

        CounterKey key = new CounterKey("register", "fec52565aa0cf18f57d7cf5b3ac728503b8992d2d6f7d46da1d1201090902b02");
        assertThat(CounterKey.of("register", CLIENT)).isEqualTo(key);
        assertThat(counters.peek(key, FixedWindow.containing(clock.instant(), Duration.ofHours(1))))
                .isEqualTo(1);
    }

    private static RateStatus status(int hits, boolean allowed, Duration resetAfter) {
        return new RateStatus(THREE_AN_HOUR, hits, allowed, resetAfter);
    }
}

package dev.stockroom.core.throttling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RatePolicyTest {

    @Test
    void a_policy_has_a_name_fit_for_a_header_a_positive_limit_and_a_window_of_whole_seconds() {
        assertThat(new RatePolicy("forget-verify", 60, Duration.ofHours(1)).limit())
                .isEqualTo(60);
        assertThatThrownBy(() -> new RatePolicy("Login", 1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatePolicy("a\"b", 1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatePolicy("", 1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatePolicy("x".repeat(65), 1, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatePolicy("login", 0, Duration.ofHours(1)))
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> new RatePolicy("login", 1, Duration.ofMillis(1500)))
                .hasMessageContaining("whole number of seconds");
        assertThatThrownBy(() -> new RatePolicy("login", 1, Duration.ZERO))
                .hasMessageContaining("whole number of seconds");
    }

    @Test
    void windows_of_one_length_are_aligned_to_the_epoch_and_do_not_overlap() {
        Duration hour = Duration.ofHours(1);

        FixedWindow window = FixedWindow.containing(Instant.parse("2025-03-01T09:59:59.999999Z"), hour);

        assertThat(window)
                .isEqualTo(
                        new FixedWindow(Instant.parse("2025-03-01T09:00:00Z"), Instant.parse("2025-03-01T10:00:00Z")));
        assertThat(FixedWindow.containing(window.end(), hour).start()).isEqualTo(window.end());
        assertThat(FixedWindow.containing(Instant.parse("1969-12-31T23:30:00Z"), hour)
                        .start())
                .isEqualTo(Instant.parse("1969-12-31T23:00:00Z"));
        assertThat(window.remainingAt(Instant.parse("2025-03-01T09:59:30Z"))).isEqualTo(Duration.ofSeconds(30));
        assertThat(window.remainingAt(Instant.parse("2025-03-01T10:00:01Z"))).isZero();
    }

    @Test
    void a_counter_key_holds_a_digest_never_the_subject() {
        CounterKey key = CounterKey.of("mail-password-reset-code", "ada@example.com");

        assertThat(key.digest()).hasSize(64).matches("[0-9a-f]{64}").doesNotContain("ada");
        assertThatThrownBy(() -> new CounterKey("login", "203.0.113.7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CounterKey("Login", key.digest())).isInstanceOf(IllegalArgumentException.class);
    }
}

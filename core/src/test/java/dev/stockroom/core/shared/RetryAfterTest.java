package dev.stockroom.core.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Moved from RegistrationServiceTest with the rounding it tests. */
class RetryAfterTest {

    @Test
    void rounding_up_keeps_whole_seconds_and_raises_fractions() {
        assertThat(RetryAfter.roundUp(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryAfter.roundUp(Duration.ofMillis(5_001))).isEqualTo(Duration.ofSeconds(6));
        assertThat(RetryAfter.roundUp(Duration.ofNanos(1))).isEqualTo(Duration.ofSeconds(1));
    }
}

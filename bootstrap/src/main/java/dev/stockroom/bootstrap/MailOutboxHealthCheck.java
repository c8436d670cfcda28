package dev.stockroom.bootstrap;

import com.codahale.metrics.health.HealthCheck;
import dev.stockroom.core.notification.application.MailRelay;
import dev.stockroom.core.notification.domain.OutboxStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Unhealthy when mail was given up on, or when the oldest waiting mail is older than
 * {@code maxDelay}: codes that do not arrive are an outage for the users waiting for them.
 */
final class MailOutboxHealthCheck extends HealthCheck {
    private final MailRelay relay;
    private final Clock clock;
    private final Duration maxDelay;

    MailOutboxHealthCheck(MailRelay relay, Clock clock, Duration maxDelay) {
        this.relay = relay;
        this.clock = clock;
        this.maxDelay = maxDelay;
    }

    @Override
    protected Result check() {
        OutboxStats stats = relay.stats();
        String summary = stats.pending() + " waiting, " + stats.failed() + " given up";
        if (stats.failed() > 0) {
            return Result.unhealthy("Mail delivery failed for good: " + summary);
        }
        Instant now = clock.instant();
        if (stats.oldestPendingSince()
                .map(since -> Duration.between(since, now).compareTo(maxDelay) > 0)
                .orElse(false)) {
            return Result.unhealthy("Mail is delayed for more than " + maxDelay.toMinutes() + " minutes: " + summary);
        }
        return Result.healthy(summary);
    }
}

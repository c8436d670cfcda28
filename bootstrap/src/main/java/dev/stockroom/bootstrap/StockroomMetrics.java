package dev.stockroom.bootstrap;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.notification.application.MailRelay;
import dev.stockroom.core.notification.domain.OutboxStats;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stockroom's own metrics beside Dropwizard's (JVM, Jetty, the pool) and the per-endpoint timers
 * the resources' {@code @Timed}/{@code @ExceptionMetered} give: the time a password hash and a
 * verification take (queueing in the pool included), and the outbox as the mail health check sees it.
 */
final class StockroomMetrics {
    static final String HASH = "stockroom.passwords.hash";
    static final String VERIFY = "stockroom.passwords.verify";
    static final String OUTBOX_WAITING = "stockroom.mail.outbox.waiting";
    static final String OUTBOX_GIVEN_UP = "stockroom.mail.outbox.givenUp";
    static final String OUTBOX_OLDEST_AGE = "stockroom.mail.outbox.oldestAgeSeconds";
    /** A scrape every second still reads the outbox from the database at most once in this time. */
    static final long OUTBOX_CACHE_SECONDS = 5;

    private StockroomMetrics() {}

    /** The hasher with a timer around each of its two operations. */
    static PasswordHasher timed(PasswordHasher hasher, MetricRegistry metrics) {
        Timer hash = metrics.timer(HASH);
        Timer verify = metrics.timer(VERIFY);
        return new PasswordHasher() {
            @Override
            public String hash(String password) {
                Timer.Context timing = hash.time();
                try {
                    return hasher.hash(password);
                } finally {
                    timing.stop();
                }
            }

            @Override
            public boolean matches(String password, String encodedHash) {
                Timer.Context timing = verify.time();
                try {
                    return hasher.matches(password, encodedHash);
                } finally {
                    timing.stop();
                }
            }

            @Override
            public String toString() {
                return hasher.toString();
            }
        };
    }

    /** Three gauges over one {@link MailRelay#stats()} read, cached for {@value #OUTBOX_CACHE_SECONDS} seconds. */
    static void registerOutbox(MetricRegistry metrics, MailRelay relay, Clock clock) {
        CachedGauge<OutboxStats> stats = new CachedGauge<>(OUTBOX_CACHE_SECONDS, TimeUnit.SECONDS) {
            @Override
            protected OutboxStats loadValue() {
                return relay.stats();
            }
        };
        metrics.gauge(OUTBOX_WAITING, () -> () -> stats.getValue().pending());
        metrics.gauge(OUTBOX_GIVEN_UP, () -> () -> stats.getValue().failed());
        metrics.gauge(OUTBOX_OLDEST_AGE, () -> (Gauge<Long>) () -> stats.getValue()
                .oldestPendingSince()
                .map(since ->
                        Math.max(0, Duration.between(since, clock.instant()).toSeconds()))
                .orElse(0L));
    }
}

package dev.stockroom.bootstrap;

import dev.stockroom.core.account.application.HousekeepingReport;
import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs account housekeeping ({@code AccountHousekeeping.purge}) and the removal of products deleted
 * longer ago than their retention ({@code Stockroom.purgeDeletedProducts}) on one background
 * thread: shortly after start, then every {@code interval}. Every instance of the service runs it;
 * the purges are safe side by side. One failing does not keep the other from running.
 */
final class HousekeepingRunner implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingRunner.class);
    // Not at once: start-up goes first, and an instance that keeps restarting purges no more often.
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private final Supplier<HousekeepingReport> purge;
    private final IntSupplier purgeDeletedProducts;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> schedule;

    HousekeepingRunner(Supplier<HousekeepingReport> purge, Duration interval) {
        this(purge, () -> 0, interval);
    }

    HousekeepingRunner(Supplier<HousekeepingReport> purge, IntSupplier purgeDeletedProducts, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.purge = purge;
        this.purgeDeletedProducts = purgeDeletedProducts;
        this.interval = interval;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stockroom-housekeeping");
            t.setDaemon(true);
            return t;
        });
        Duration first = interval.compareTo(FIRST_RUN_AFTER) < 0 ? interval : FIRST_RUN_AFTER;
        schedule = executor.scheduleWithFixedDelay(
                this::purgeOnce, first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void purgeOnce() {
        purgeAccounts();
        purgeProducts();
    }

    private void purgeProducts() {
        try {
            int removed = purgeDeletedProducts.getAsInt();
            if (removed > 0) {
                LOG.info(
                        "Housekeeping removed {} products deleted longer ago than their retention, with their photos",
                        removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping could not remove deleted products: {}", e.toString());
        }
    }

    private void purgeAccounts() {
        try {
            HousekeepingReport purged = purge.get();
            if (!purged.isEmpty()) {
                LOG.info(
                        "Housekeeping deleted {} ended sessions, {} spent refresh tokens, {} one-time codes, "
                                + "{} stale login-failure counts, {} unused device tokens, {} audit events past "
                                + "their retention and {} ended rate-limit counts",
                        purged.sessions(),
                        purged.spentRefreshTokens(),
                        purged.oneTimeCodes(),
                        purged.loginAttempts(),
                        purged.deviceTokens(),
                        purged.auditEvents(),
                        purged.rateCounts());
            }
        } catch (RuntimeException e) {
            // A dead database (or a deadlock with another instance's purge) must not end the
            // schedule; the next run deletes what this one left.
            LOG.warn("Housekeeping could not run: {}", e.toString());
        } catch (Error e) {
            LOG.error("Housekeeping stopped: account tables grow until a restart", e);
            throw e;
        }
    }

    @Override
    public void stop() throws InterruptedException {
        schedule.cancel(true);
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}

package dev.stockroom.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.application.HousekeepingReport;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HousekeepingRunnerTest {
    private static final HousekeepingReport SOME = new HousekeepingReport(1, 2, 3, 4, 5, 6, 7);
    private static final HousekeepingReport NONE = new HousekeepingReport(0, 0, 0, 0, 0, 0, 0);

    @Test
    void purges_again_and_again_at_the_interval() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        HousekeepingRunner runner = new HousekeepingRunner(
                () -> {
                    threeRuns.countDown();
                    return threeRuns.getCount() == 2 ? SOME : NONE;
                },
                Duration.ofMillis(20));

        runner.start();
        try {
            assertThat(threeRuns.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            runner.stop();
        }
    }

    @Test
    void a_failed_purge_does_not_end_the_schedule() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch runAfterFailure = new CountDownLatch(1);
        HousekeepingRunner runner = new HousekeepingRunner(
                () -> {
                    if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("database down");
                    }
                    runAfterFailure.countDown();
                    return NONE;
                },
                Duration.ofMillis(20));

        runner.start();
        try {
            assertThat(runAfterFailure.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            runner.stop();
        }
    }

    @Test
    void removes_deleted_products_even_when_the_account_purge_fails() throws Exception {
        CountDownLatch productRuns = new CountDownLatch(2);
        HousekeepingRunner runner = new HousekeepingRunner(
                () -> {
                    throw new IllegalStateException("database down");
                },
                () -> {
                    productRuns.countDown();
                    return 3;
                },
                Duration.ofMillis(20));

        runner.start();
        try {
            assertThat(productRuns.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            runner.stop();
        }
    }

    @Test
    void refuses_an_interval_that_is_not_positive() {
        assertThatThrownBy(() -> new HousekeepingRunner(() -> NONE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.stockroom.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RaceTest {
    @Test
    void releases_every_thread_at_once_and_returns_every_result() throws Exception {
        // Each racer waits for all the others inside the task: only a race started together gets past it.
        CyclicBarrier together = new CyclicBarrier(8);
        AtomicInteger next = new AtomicInteger();

        List<Integer> results = Race.run(8, () -> {
            together.await(10, TimeUnit.SECONDS);
            return next.incrementAndGet();
        });

        assertThat(results).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void run_throws_a_racers_failure_as_the_cause() {
        assertThatThrownBy(() -> Race.run(3, () -> {
                    throw new IllegalStateException("lost");
                }))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void settle_gives_each_racers_outcome_once_all_have_ended() throws Exception {
        AtomicInteger next = new AtomicInteger();

        List<Future<Integer>> outcomes = Race.settle(4, () -> {
            if (next.incrementAndGet() % 2 == 0) {
                throw new IllegalArgumentException("even");
            }
            return 1;
        });

        assertThat(outcomes).allMatch(Future::isDone);
        assertThat(outcomes).filteredOn(f -> !isFailed(f)).hasSize(2);
        assertThat(outcomes).filteredOn(RaceTest::isFailed).hasSize(2);
    }

    @Test
    void a_deadlocked_race_fails_after_its_time_naming_the_stuck_threads_and_where_they_wait() {
        CountDownLatch never = new CountDownLatch(1);

        assertThatThrownBy(() -> Race.settle(2, Duration.ofMillis(300), () -> {
                    never.await();
                    return null;
                }))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The race did not end within 300 ms: 2 of 2 threads still running")
                .hasMessageContaining("race-")
                .hasMessageContaining("CountDownLatch.await");
    }

    private static boolean isFailed(Future<Integer> future) {
        try {
            future.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}

package dev.stockroom.core.account.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.port.out.PasswordHasher;
import dev.stockroom.core.shared.Overloaded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashingPoolTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final Gate gate = new Gate();

    @AfterEach
    void stop() {
        gate.open();
        callers.shutdownNow();
    }

    @Test
    void runs_the_hashes_on_its_own_threads_and_returns_their_results() {
        try (HashingPool pool = new HashingPool(new Argon2idPasswordHasher(), 2, 4)) {
            String hash = pool.hash("velvet harbor quietly 1987");

            assertThat(pool.matches("velvet harbor quietly 1987", hash)).isTrue();
            assertThat(pool.matches("amber lantern softly 2044", hash)).isFalse();
        }
    }

    @Test
    void runs_no_more_hashes_at_once_than_it_has_threads() throws Exception {
        try (HashingPool pool = new HashingPool(gate, 2, 8)) {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(callers.submit(() -> pool.hash("pw")));
            }
            gate.awaitRunning(2);
            await(() -> pool.waiting() == 4);

            assertThat(gate.running.get()).isEqualTo(2);
            gate.open();
            for (Future<String> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("hash of pw");
            }
            assertThat(gate.maxRunning.get()).isEqualTo(2);
            assertThat(gate.threadNames).allMatch(name -> name.startsWith("password-hashing-"));
        }
    }

    @Test
    void refuses_at_once_when_every_thread_is_busy_and_the_queue_is_full() throws Exception {
        try (HashingPool pool = new HashingPool(gate, 1, 2)) {
            List<Future<Boolean>> admitted = new ArrayList<>();
            // One at a time: submitted together, the third could find the first still queued
            // (the thread not yet having taken it) and be the one refused.
            admitted.add(callers.submit(() -> pool.matches("pw", "hash")));
            gate.awaitRunning(1);
            for (int i = 1; i < 3; i++) {
                admitted.add(callers.submit(() -> pool.matches("pw", "hash")));
                int queued = i;
                await(() -> pool.waiting() == queued);
            }

            long start = System.nanoTime();
            assertThatThrownBy(() -> pool.matches("pw", "hash"))
                    .isInstanceOfSatisfying(
                            Overloaded.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

            gate.open();
            for (Future<Boolean> call : admitted) {
                assertThat(call.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(pool.matches("pw", "hash")).isTrue();
        }
    }

    @Test
    void passes_the_hashers_own_failure_on_unchanged() {
        PasswordHasher broken = new PasswordHasher() {
            @Override
            public String hash(String password) {
                throw new IllegalStateException("no memory for Argon2");
            }

            @Override
            public boolean matches(String password, String encodedHash) {
                throw new IllegalStateException("no memory for Argon2");
            }
        };
        try (HashingPool pool = new HashingPool(broken, 1, 1)) {
            assertThatThrownBy(() -> pool.hash("pw"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no memory for Argon2");
        }
    }

    @Test
    void an_interrupted_caller_gets_overloaded_and_keeps_its_interrupt() throws Exception {
        try (HashingPool pool = new HashingPool(gate, 1, 1)) {
            CountDownLatch done = new CountDownLatch(1);
            AtomicInteger outcome = new AtomicInteger();
            Thread caller = new Thread(() -> {
                try {
                    pool.hash("pw");
                } catch (Overloaded e) {
                    outcome.set(Thread.currentThread().isInterrupted() ? 1 : 2);
                }
                done.countDown();
            });
            caller.start();
            gate.awaitRunning(1);

            caller.interrupt();

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(outcome.get()).isEqualTo(1);
        }
    }

    @Test
    void refuses_nonsense_sizes() {
        assertThatThrownBy(() -> new HashingPool(gate, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HashingPool(gate, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** A hasher whose every call waits until the test opens the gate; counts how many run at once. */
    private static final class Gate implements PasswordHasher {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        final Set<String> threadNames = ConcurrentHashMap.newKeySet();
        private final CountDownLatch open = new CountDownLatch(1);

        @Override
        public String hash(String password) {
            pass();
            return "hash of " + password;
        }

        @Override
        public boolean matches(String password, String encodedHash) {
            pass();
            return true;
        }

        private void pass() {
            threadNames.add(Thread.currentThread().getName());
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }

        void open() {
            open.countDown();
        }

        void awaitRunning(int n) throws InterruptedException {
            HashingPoolTest.await(() -> running.get() == n);
        }
    }
}

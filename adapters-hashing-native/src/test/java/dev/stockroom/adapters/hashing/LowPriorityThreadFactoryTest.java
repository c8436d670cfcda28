package dev.stockroom.adapters.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LowPriorityThreadFactoryTest {

    @Test
    void makes_numbered_daemon_threads_that_run_their_task() throws Exception {
        LowPriorityThreadFactory factory = new LowPriorityThreadFactory();
        Thread first = factory.newThread(() -> {});
        Thread second = factory.newThread(() -> {});

        assertThat(first.getName()).isEqualTo("password-hashing-1");
        assertThat(second.getName()).isEqualTo("password-hashing-2");
        assertThat(first.isDaemon()).isTrue();
        assertThat(runIn(factory, () -> "ran")).isEqualTo("ran");
    }

    @Test
    void on_linux_the_threads_run_at_the_nice_value_and_the_caller_does_not() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        int before = niceOfThisThread();
        LowPriorityThreadFactory factory = new LowPriorityThreadFactory();

        assertThat(factory.lowersPriority()).isTrue();
        assertThat(runIn(factory, LowPriorityThreadFactoryTest::niceOfThisThread))
                .isEqualTo(Math.max(10, before));
        assertThat(factory.lowersPriority()).isTrue();
        assertThat(niceOfThisThread()).isEqualTo(before);
    }

    @Test
    void never_lowers_the_nice_value_a_thread_inherits() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        LowPriorityThreadFactory nicer = new LowPriorityThreadFactory("nicer", 15);
        LowPriorityThreadFactory nice = new LowPriorityThreadFactory("nice", 10);

        int nested = runIn(nicer, () -> call(() -> runIn(nice, LowPriorityThreadFactoryTest::niceOfThisThread)));

        assertThat(nested).isEqualTo(Math.max(15, niceOfThisThread()));
        assertThat(nice.lowersPriority()).isTrue();
    }

    @Test
    void refuses_a_nice_value_outside_zero_to_19() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LowPriorityThreadFactory("x", -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new LowPriorityThreadFactory("x", 20));
    }

    private static <T> T runIn(ThreadFactory factory, Supplier<T> task) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        factory.newThread(() -> {
                    try {
                        result.complete(task.get());
                    } catch (RuntimeException | Error e) {
                        result.completeExceptionally(e);
                    }
                })
                .start();
        return result.get(10, TimeUnit.SECONDS);
    }

    private static <T> T call(java.util.concurrent.Callable<T> callable) {
        try {
            return callable.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Field 19 of {@code /proc/thread-self/stat}: the kernel's own record of this thread's nice value. */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.pastDay;
import static dev.stockroom.core.contract.Samples.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.shared.Transactions;
import dev.stockroom.core.throttling.domain.CounterKey;
import dev.stockroom.core.throttling.domain.FixedWindow;
import dev.stockroom.core.throttling.port.out.RateCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateCounters} must do. Keys are unique per test and purges cut off inside a
 * test's own past day, as a shared database needs.
 */
public abstract class RateCountersContract {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final FixedWindow WINDOW = FixedWindow.containing(T0, HOUR);

    protected abstract RateCounters counters();

    /** The transactions of the same store, whose units of work the counters join. */
    protected abstract Transactions transactions();

    private static CounterKey newKey() {
        return CounterKey.of("contract", "203.0.113." + unique());
    }

    @Test
    void counts_each_hit_and_answers_the_count_with_it() {
        CounterKey key = newKey();

        assertThat(counters().hit(key, WINDOW)).isEqualTo(1);
        assertThat(counters().hit(key, WINDOW)).isEqualTo(2);
        assertThat(counters().hit(key, WINDOW)).isEqualTo(3);
    }

    @Test
    void a_peek_counts_nothing() {
        CounterKey key = newKey();

        assertThat(counters().peek(key, WINDOW)).isZero();
        counters().hit(key, WINDOW);
        assertThat(counters().peek(key, WINDOW)).isEqualTo(1);
        assertThat(counters().peek(key, WINDOW)).isEqualTo(1);
        assertThat(counters().hit(key, WINDOW)).isEqualTo(2);
    }

    @Test
    void keeps_subjects_buckets_and_windows_apart() {
        CounterKey key = newKey();
        CounterKey sameSubjectOtherBucket = new CounterKey("contract-other", key.digest());
        FixedWindow next = FixedWindow.containing(WINDOW.end(), HOUR);
        counters().hit(key, WINDOW);
        counters().hit(key, WINDOW);

        assertThat(counters().hit(newKey(), WINDOW)).isEqualTo(1);
        assertThat(counters().hit(sameSubjectOtherBucket, WINDOW)).isEqualTo(1);
        assertThat(counters().hit(key, next)).isEqualTo(1);
        assertThat(counters().peek(key, WINDOW)).isEqualTo(2);
    }

    @Test
    void of_concurrent_first_hits_each_count_is_answered_exactly_once() throws Exception {
        CounterKey key = newKey();

        List<Integer> counts = Race.run(16, () -> counters().hit(key, WINDOW));

        assertThat(counts)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 16).boxed().toList());
        assertThat(counters().peek(key, WINDOW)).isEqualTo(16);
    }

    @Test
    void of_concurrent_hits_on_a_count_each_later_count_is_answered_exactly_once() throws Exception {
        CounterKey key = newKey();
        counters().hit(key, WINDOW);
        counters().hit(key, WINDOW);

        List<Integer> counts = Race.run(8, () -> counters().hit(key, WINDOW));

        assertThat(counts)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(3, 10).boxed().toList());
    }

    @Test
    void a_hit_joins_the_unit_of_work_and_goes_if_it_rolls_back() {
        CounterKey fresh = newKey();
        CounterKey counted = newKey();
        counters().hit(counted, WINDOW);

        assertThatThrownBy(() -> transactions().run(() -> {
                    assertThat(counters().hit(fresh, WINDOW)).isEqualTo(1);
                    assertThat(counters().hit(counted, WINDOW)).isEqualTo(2);
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");

        assertThat(counters().peek(fresh, WINDOW)).isZero();
        assertThat(counters().peek(counted, WINDOW)).isEqualTo(1);
        transactions().run(() -> counters().hit(counted, WINDOW));
        assertThat(counters().peek(counted, WINDOW)).isEqualTo(2);
    }

    @Test
    void purges_the_counts_whose_window_ended_at_or_before_the_cutoff() {
        Instant day = pastDay();
        Instant cutoff = day.plus(Duration.ofHours(2));
        CounterKey key = newKey();
        FixedWindow endedBefore = new FixedWindow(day, day.plus(HOUR));
        FixedWindow endedAt = new FixedWindow(cutoff.minus(HOUR), cutoff);
        FixedWindow endsAfter = new FixedWindow(cutoff.minus(HOUR).plusNanos(1_000), cutoff.plusNanos(1_000));
        counters().hit(key, endedBefore);
        counters().hit(key, endedAt);
        counters().hit(key, endedAt);
        counters().hit(key, endsAfter);

        assertThat(counters().purgeEndedBefore(cutoff)).isEqualTo(2);
        assertThat(counters().purgeEndedBefore(cutoff)).isZero();

        assertThat(counters().peek(key, endedBefore)).isZero();
        assertThat(counters().peek(key, endedAt)).isZero();
        assertThat(counters().peek(key, endsAfter)).isEqualTo(1);
        assertThat(counters().hit(key, endedAt)).isEqualTo(1);
    }

    @Test
    void concurrent_purges_forget_each_count_once() throws Exception {
        Instant day = pastDay();
        FixedWindow ended = new FixedWindow(day, day.plus(HOUR));
        IntStream.range(0, 5).forEach(i -> counters().hit(newKey(), ended));

        List<Integer> purged = Race.run(4, () -> counters().purgeEndedBefore(ended.end()));

        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }
}

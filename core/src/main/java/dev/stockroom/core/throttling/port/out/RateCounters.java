package dev.stockroom.core.throttling.port.out;

import dev.stockroom.core.throttling.domain.CounterKey;
import dev.stockroom.core.throttling.domain.FixedWindow;
import java.time.Instant;

/**
 * Fixed-window event counts, shared by every instance of the service: one count per key and
 * window. Keys carry digests, never the counted address itself. Calls join the caller's
 * transaction when there is one (a hit then counts only if that transaction commits), and are
 * atomic on their own otherwise.
 */
public interface RateCounters {

    /**
     * Counts one event for {@code key} in {@code window} and returns the key's events in that window,
     * this one included, as one atomic step: of {@code n} concurrent hits on a new key, each of 1 to
     * {@code n} is returned exactly once.
     */
    int hit(CounterKey key, FixedWindow window);

    /** The key's events in {@code window} so far (0 for none), counting nothing. */
    int peek(CounterKey key, FixedWindow window);

    /**
     * Forgets every count whose window ended at or before {@code cutoff}. Safe to run concurrently
     * with itself and with counting.
     *
     * @return how many counts this call forgot
     */
    int purgeEndedBefore(Instant cutoff);
}

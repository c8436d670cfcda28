package dev.stockroom.core.throttling.port.in;

import dev.stockroom.core.throttling.domain.RatePolicy;
import dev.stockroom.core.throttling.domain.RateStatus;

/**
 * Fixed-window limits on events per subject (a client address, an email address), counted where
 * every instance of the service sees the same counts. The subject is digested before it is
 * stored. Once a subject's window is full, what it asks for is refused until the window ends:
 * {@link RateStatus#resetAfter()} is the wait to announce.
 */
public interface RateLimiter {

    /**
     * Counts one event for {@code subject} under {@code policy}; {@link RateStatus#allowed()} tells
     * whether it was within the limit. Use it where every attempt counts: of concurrent hits, exactly
     * {@code limit} per window are allowed.
     */
    RateStatus hit(RatePolicy policy, String subject);

    /**
     * Where {@code subject} stands under {@code policy}, counting nothing; {@link RateStatus#allowed()}
     * tells whether one more event would be within the limit. Use it before work whose outcome
     * decides whether it counts (a login that counts only when it fails), then {@link #hit}.
     */
    RateStatus peek(RatePolicy policy, String subject);
}

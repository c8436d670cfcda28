package dev.stockroom.core.shared;

import java.time.Duration;

/**
 * The one rounding of a wait told to a refused caller ({@code Retry-After}, the {@code t} of the
 * {@code RateLimit} header, {@link dev.stockroom.core.account.domain.AccountFailure.Throttled}):
 * whole seconds, rounded up, since rounding down would invite a retry that is still too early.
 */
public final class RetryAfter {
    private RetryAfter() {}

    public static Duration roundUp(Duration wait) {
        return Duration.ofSeconds(wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }
}

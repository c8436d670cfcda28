package dev.stockroom.adapters.rest.throttling;

import dev.stockroom.core.throttling.domain.RatePolicy;
import dev.stockroom.core.throttling.port.in.RateLimiter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The limits per client address the API enforces: a policy for every {@link AddressLimit}, counted
 * by {@code limiter} (the core's, on the database every instance shares).
 */
public record AddressLimits(RateLimiter limiter, Map<AddressLimit, RatePolicy> policies) {

    public AddressLimits {
        Objects.requireNonNull(limiter, "limiter");
        policies = Map.copyOf(new EnumMap<>(Objects.requireNonNull(policies, "policies")));
        for (AddressLimit limit : AddressLimit.values()) {
            RatePolicy policy = policies.get(limit);
            if (policy == null) {
                throw new IllegalArgumentException("no policy for " + limit);
            }
            if (!policy.name().equals(limit.policyName())) {
                throw new IllegalArgumentException(limit + "'s policy must be named " + limit.policyName());
            }
        }
    }

    /** Every limit at its default. */
    public static AddressLimits defaults(RateLimiter limiter) {
        Map<AddressLimit, RatePolicy> policies = new EnumMap<>(AddressLimit.class);
        for (AddressLimit limit : AddressLimit.values()) {
            policies.put(limit, limit.defaultPolicy());
        }
        return new AddressLimits(limiter, policies);
    }

    public RatePolicy policy(AddressLimit limit) {
        return policies.get(limit);
    }
}

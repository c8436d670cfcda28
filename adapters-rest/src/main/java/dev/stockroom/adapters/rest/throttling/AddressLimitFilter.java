package dev.stockroom.adapters.rest.throttling;

import dev.stockroom.adapters.rest.error.ErrorResponses;
import dev.stockroom.adapters.rest.http.ClientAddress;
import dev.stockroom.core.throttling.domain.RatePolicy;
import dev.stockroom.core.throttling.domain.RateStatus;
import dev.stockroom.core.throttling.port.in.RateLimiter;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * One endpoint's limit per client address. Before the resource (and before authentication, so a
 * flood costs no session look-up) it counts the request, or for login only looks at the count, and
 * refuses with 429 once the address is over its limit; after it, a failed login is counted. Every
 * answer of the endpoint carries the {@code RateLimit-Policy} and {@code RateLimit} headers.
 */
final class AddressLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String MESSAGE = "Too many requests from your address; try again later.";
    private static final String STATUS = AddressLimitFilter.class.getName() + ".status";

    private final AddressLimit limit;
    private final RatePolicy policy;
    private final RateLimiter limiter;

    AddressLimitFilter(AddressLimit limit, RatePolicy policy, RateLimiter limiter) {
        this.limit = limit;
        this.policy = policy;
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String client = ClientAddress.of(request).limitKey();
        RateStatus status = limit.countsFailuresOnly() ? limiter.peek(policy, client) : limiter.hit(policy, client);
        request.setProperty(STATUS, status);
        if (!status.allowed()) {
            Response refused = ErrorResponses.withRetryAfter(ErrorResponses.of(429, MESSAGE), status.resetAfter());
            request.abortWith(withHeaders(refused, status));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STATUS) instanceof RateStatus status)) {
            return; // the count itself failed (the database is down): that answer says so
        }
        if (limit.countsFailuresOnly() && status.allowed() && response.getStatus() == 401) {
            status = limiter.hit(policy, ClientAddress.of(request).limitKey());
        }
        put(response.getHeaders(), status);
    }

    private Response withHeaders(Response response, RateStatus status) {
        Response.ResponseBuilder builder = Response.fromResponse(response);
        builder.header(RateLimitHeaders.POLICY, RateLimitHeaders.policy(policy));
        builder.header(RateLimitHeaders.LIMIT, RateLimitHeaders.limit(status));
        return builder.build();
    }

    private void put(MultivaluedMap<String, Object> headers, RateStatus status) {
        headers.putSingle(RateLimitHeaders.POLICY, RateLimitHeaders.policy(policy));
        headers.putSingle(RateLimitHeaders.LIMIT, RateLimitHeaders.limit(status));
    }
}

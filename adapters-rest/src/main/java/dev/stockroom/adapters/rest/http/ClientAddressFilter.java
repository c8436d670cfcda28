package dev.stockroom.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.util.List;

/** Resolves the {@link ClientAddress} once per request, before anything else looks at it. */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
final class ClientAddressFilter implements ContainerRequestFilter {
    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ClientAddressResolver resolver;

    // A proxy to the request being handled; it has none under a test container without servlets.
    @Context
    private HttpServletRequest servletRequest;

    ClientAddressFilter(TrustedProxies trusted) {
        this.resolver = new ClientAddressResolver(trusted);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> forwardedFor = request.getHeaders().get(FORWARDED_FOR);
        request.setProperty(
                ClientAddress.PROPERTY, resolver.resolve(peer(), forwardedFor == null ? List.of() : forwardedFor));
    }

    private String peer() {
        try {
            return servletRequest == null ? null : servletRequest.getRemoteAddr();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}

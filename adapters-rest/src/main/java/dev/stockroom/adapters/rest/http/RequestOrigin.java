package dev.stockroom.adapters.rest.http;

import dev.stockroom.core.account.domain.Origin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Where a request came from, for the audit trail and the list of a user's sessions: the client
 * address and the user agent, resolved once per request by {@link Filter}.
 */
public final class RequestOrigin {
    static final String PROPERTY = RequestOrigin.class.getName();

    private RequestOrigin() {
    }

    /** The origin {@link Filter} resolved; the user agent alone where no filter ran. */
    public static Origin of(ContainerRequestContext request) {
        Object resolved = request.getProperty(PROPERTY);
        if (resolved instanceof Origin origin) {
            return origin;
        }
        return Origin.of(null, request.getHeaderString(HttpHeaders.USER_AGENT));
    }

    @PreMatching
    static final class Filter implements ContainerRequestFilter {
        @Context
        private HttpServletRequest servlet;

        @Override
        public void filter(ContainerRequestContext request) {
            String address = null;
            try {
                address = servlet == null ? null : servlet.getRemoteAddr();
            } catch (IllegalStateException outsideAServletContainer) {
                // Jersey's in-memory test container has no servlet request: no address to record.
            }
            request.setProperty(PROPERTY, Origin.of(address, request.getHeaderString(HttpHeaders.USER_AGENT)));
        }
    }
}

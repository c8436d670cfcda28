package dev.stockroom.adapters.rest.http;

import dev.stockroom.core.account.domain.Origin;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Where a request came from, for the audit trail and the list of a user's sessions: the client
 * address as {@link ClientAddress} resolved it (behind trusted proxies too), and the user agent.
 */
public final class RequestOrigin {
    private RequestOrigin() {}

    /** For a resource method; without a resolved client address (a test container) the address is unknown. */
    public static Origin of(ContainerRequestContext request) {
        String address = null;
        if (request.getProperty(ClientAddress.PROPERTY) != null) {
            String value = ClientAddress.of(request).value();
            address = ClientAddress.UNKNOWN.equals(value) ? null : value;
        }
        return Origin.of(address, request.getHeaderString(HttpHeaders.USER_AGENT));
    }
}

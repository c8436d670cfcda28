package dev.stockroom.adapters.rest.http;

import dev.stockroom.adapters.rest.headers.SecurityHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * {@link SecurityHeaders} on Jersey's responses, for where the API runs without the service's
 * servlet filter. A header a resource set itself (a photo's policy and cache lifetime) stays.
 */
final class SecurityHeadersResponseFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        SecurityHeaders.apply(request.getUriInfo().getPath(), false, (name, value) -> {
            if (!headers.containsKey(name)) {
                headers.putSingle(name, value);
            }
        });
    }
}

package dev.stockroom.adapters.rest.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;

/**
 * The sketch's paths end with '/', and clients send both forms. Resources are declared without
 * the slash; this strips it before matching, so both work with no redirect.
 */
@PreMatching
final class TrailingSlashFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path != null && path.length() > 1 && path.endsWith("/")) {
            String trimmed = path.replaceAll("/+$", "");
            request.setRequestUri(
                    request.getUriInfo().getBaseUri(),
                    UriBuilder.fromUri(uri)
                            .replacePath(trimmed.isEmpty() ? "/" : trimmed)
                            .build());
        }
    }
}

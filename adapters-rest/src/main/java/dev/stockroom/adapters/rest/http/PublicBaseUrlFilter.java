package dev.stockroom.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.net.URI;

/**
 * Puts the configured public base URL in place of the request's own base, before matching, so
 * that every link the resources build from {@code UriInfo} (photo URLs, {@code Location}, paging
 * links) starts with it. The path Jersey matches is unchanged.
 */
@PreMatching
@Priority(20)
final class PublicBaseUrlFilter implements ContainerRequestFilter {
    private final String base;

    /** {@code base}: an absolute http(s) URL without query or fragment (checked at start). */
    PublicBaseUrlFilter(URI base) {
        String text = base.toString();
        this.base = text.endsWith("/") ? text : text + "/";
    }

    @Override
    public void filter(ContainerRequestContext request) {
        URI ownBase = request.getUriInfo().getBaseUri();
        URI requested = request.getUriInfo().getRequestUri();
        String basePath = ownBase.getRawPath() == null ? "/" : ownBase.getRawPath();
        String path = requested.getRawPath() == null ? "" : requested.getRawPath();
        String relative = path.startsWith(basePath) ? path.substring(basePath.length()) : path.replaceFirst("^/+", "");
        String query = requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery();
        request.setRequestUri(URI.create(base), URI.create(base + relative + query));
    }
}

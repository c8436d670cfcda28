package dev.stockroom.adapters.rest.http;

import dev.stockroom.adapters.rest.error.RequestFailure;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * A body's Content-Type says what the body is, and a wildcard ({@code *}{@code /*},
 * {@code multipart/*}) says nothing; Jersey would still match it to any resource and hand the body
 * to that resource's reader, where the multipart reader fails on it. Refused with 415 like any
 * other type a resource does not take.
 */
@PreMatching
final class ConcreteMediaTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        boolean hasBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (type != null && hasBody && (type.isWildcardType() || type.isWildcardSubtype())) {
            throw new RequestFailure(
                    RequestFailure.Kind.WILDCARD_CONTENT_TYPE,
                    "The " + HttpHeaders.CONTENT_TYPE + " of a body must name its type, not " + type.getType() + "/"
                            + type.getSubtype() + ".");
        }
    }
}

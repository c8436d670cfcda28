package dev.stockroom.adapters.rest.error;

import dev.stockroom.adapters.rest.headers.RequestIds;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/** Writes the request's id into every error body Jersey answers, whichever mapper built it. */
final class RequestIdInErrors implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ErrorBody body
                && request.getProperty(RequestIds.PROPERTY) instanceof String id) {
            response.setEntity(body.withRequestId(id), response.getEntityAnnotations(), response.getMediaType());
        }
    }
}

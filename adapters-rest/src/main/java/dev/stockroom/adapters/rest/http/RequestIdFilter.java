package dev.stockroom.adapters.rest.http;

import dev.stockroom.adapters.rest.headers.RequestIds;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.slf4j.MDC;

/**
 * The request id on Jersey's side: the one {@link RequestIds#handler()} settled (in the service),
 * or settled here where the API runs without it (a host's Jersey, a resource test). It is kept
 * as a request property for the error bodies and in the MDC while resources run.
 */
@PreMatching
@Priority(10)
final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String id = request.getProperty(RequestIds.PROPERTY) instanceof String settled
                ? settled
                : RequestIds.accept(request.getHeaderString(RequestIds.HEADER));
        request.setProperty(RequestIds.PROPERTY, id);
        MDC.put(RequestIds.MDC_KEY, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(RequestIds.PROPERTY) instanceof String id) {
            response.getHeaders().putSingle(RequestIds.HEADER, id);
        }
    }
}

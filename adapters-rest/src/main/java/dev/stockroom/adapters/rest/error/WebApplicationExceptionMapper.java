package dev.stockroom.adapters.rest.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jersey's own refusals (unknown path, wrong method, unsupported media type...) in the envelope,
 * keeping the headers that matter (Allow on 405, Retry-After).
 */
final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("Request failed with {}", status, e);
        }
        Response.ResponseBuilder builder = Response.fromResponse(ErrorResponses.of(status, messageOf(e, status)));
        for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.ETAG}) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        return builder.build();
    }

    private static String messageOf(WebApplicationException e, int status) {
        // Messages we raise ourselves are written for people; Jersey's own are not ("HTTP 404 Not Found").
        return e instanceof ClientMessage ? e.getMessage() : ErrorResponses.messageFor(status);
    }

    /** Marks a WebApplicationException whose message is fit to show to the client. */
    interface ClientMessage {
    }
}

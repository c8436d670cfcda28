package dev.stockroom.adapters.rest.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stockroom.adapters.rest.headers.RequestIds;
import dev.stockroom.adapters.rest.headers.SecurityHeaders;
import dev.stockroom.core.shared.LanguageTag;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Jersey (a malformed URI, headers too large, a
 * broken request line, a method Dropwizard does not allow) in the same JSON envelope as every
 * other error, never an HTML page, and with the headers every response carries (no servlet filter
 * has run for most of these). The body is built from the status alone: nothing from the request
 * is echoed back but an X-Request-Id that passed {@link RequestIds}' check.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpField CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");
    /**
     * For a method refused before any route is known (TRACE, an unknown one): the methods the API
     * answers at all. A known method on a resource that lacks it gets that resource's own list from Jersey.
     */
    private static final HttpField ALLOW =
            new HttpField(HttpHeader.ALLOW, "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHeaders.apply(request.getHttpURI().getPath(), true, response.getHeaders()::put);
        // The id the request was given when it got that far, else the client's (if acceptable) or a new one.
        String given = response.getHeaders().get(RequestIds.HEADER);
        response.getHeaders()
                .put(
                        RequestIds.HEADER,
                        RequestIds.isAcceptable(given)
                                ? given
                                : RequestIds.accept(request.getHeaders().get(RequestIds.HEADER)));
        return super.handle(request, response, callback);
    }

    /** Jetty writes a body only for GET, POST and HEAD; a TRACE or an unknown method got an empty 405. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateCacheControl(Response response) {
        // SecurityHeaders set it already; Jetty's own would replace it.
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        int status = code;
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            // The client's fault, whatever the status class says: a 5xx is kept for what the
            // service got wrong, so that a broken client cannot set off the alarms meant for it.
            status = HttpStatus.BAD_REQUEST_400;
            response.setStatus(status);
        }
        response.getHeaders().put(CONTENT_TYPE);
        if (status == HttpStatus.METHOD_NOT_ALLOWED_405
                && !response.getHeaders().contains(HttpHeader.ALLOW)) {
            response.getHeaders().put(ALLOW);
        }
        if (HttpMethod.HEAD.is(request.getMethod())) {
            // Jetty leaves out the body of a HEAD answer only for requests it parsed whole.
            response.write(true, null, callback);
            return;
        }
        LanguageTag language = LanguageTag.lookup(
                        LanguageTag.preferences(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)),
                        ErrorTexts.LANGUAGES)
                .orElse(LanguageTag.ENGLISH);
        String english = ErrorResponses.messageFor(status);
        String text = ErrorTexts.shipped().translate(english, language).orElse(null);
        if (text == null) {
            text = english;
            language = LanguageTag.ENGLISH;
        }
        response.getHeaders().put(HttpHeader.CONTENT_LANGUAGE, language.value());
        response.write(true, ByteBuffer.wrap(body(text, response.getHeaders().get(RequestIds.HEADER))), callback);
    }

    static byte[] body(int status, String requestId) {
        return body(ErrorResponses.messageFor(status), requestId);
    }

    /** The envelope with this message, already in the request's language. */
    static byte[] body(String message, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", false);
        body.put("message", message);
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of a boolean and strings always serialises", e);
        }
    }
}

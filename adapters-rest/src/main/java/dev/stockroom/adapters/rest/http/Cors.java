package dev.stockroom.adapters.rest.http;

import dev.stockroom.adapters.rest.headers.RequestIds;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Cross-origin access for browsers on the listed origins, through Jetty's {@link
 * CrossOriginHandler}: it runs before every servlet filter and Jersey, so it answers preflights
 * itself (none of the request filters sees them) and puts the CORS headers on the actual
 * responses of an allowed origin. Another origin gets no CORS header at all.
 */
public final class Cors {
    /** The methods the API answers. */
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    /** What a browser client sends beside the simple headers. */
    public static final Set<String> REQUEST_HEADERS =
            Set.of("Authorization", "Content-Type", "If-Match", "If-None-Match", RequestIds.HEADER);
    /** What a browser client may read of a response beside the simple headers. */
    public static final Set<String> EXPOSED_HEADERS =
            Set.of("ETag", "Retry-After", "Location", RequestIds.HEADER, "RateLimit", "RateLimit-Policy");

    private Cors() {}

    /**
     * The handler for these origins.
     *
     * @param origins     exact origins ({@code https://shop.example}, {@code http://localhost:5173}); never empty
     * @param credentials whether a browser may send cookies or HTTP authentication along
     * @param maxAge      how long a browser may keep a preflight's answer
     */
    public static Handler.Wrapper handler(Collection<String> origins, boolean credentials, Duration maxAge) {
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("No origin to allow");
        }
        CrossOriginHandler cors = new PreflightsAnswered204();
        // Its origins are regular expressions: each is matched as written, nothing more.
        cors.setAllowedOriginPatterns(origins.stream().map(Pattern::quote).collect(Collectors.toSet()));
        cors.setAllowCredentials(credentials);
        cors.setAllowedMethods(METHODS);
        cors.setAllowedHeaders(REQUEST_HEADERS);
        cors.setExposedHeaders(EXPOSED_HEADERS);
        cors.setPreflightMaxAge(maxAge);
        cors.setDeliverPreflightRequests(false);
        return cors;
    }

    /**
     * Jetty answers a preflight it allows with 200 and no body; the API answers 204, the status for
     * exactly that. A preflight it does not allow goes on, and keeps what the API answers.
     */
    private static final class PreflightsAnswered204 extends CrossOriginHandler {
        /** Only an answer the handler wrote itself: no body yet, and the origin allowed. */
        private static void to204(Response response) {
            if (!response.isCommitted()
                    // 0: none set yet, which Jetty sends as 200
                    && (response.getStatus() == 0 || response.getStatus() == HttpStatus.OK_200)
                    && response.getHeaders().contains(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN)) {
                response.setStatus(HttpStatus.NO_CONTENT_204);
            }
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!HttpMethod.OPTIONS.is(request.getMethod())
                    || !request.getHeaders().contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD)) {
                return super.handle(request, response, callback);
            }
            Response answering = new Response.Wrapper(request, response) {
                @Override
                public void write(boolean last, ByteBuffer content, Callback written) {
                    to204(response);
                    super.write(last, content, written);
                }
            };
            Callback answered = Callback.from(
                    () -> {
                        to204(response);
                        callback.succeeded();
                    },
                    callback::failed);
            return super.handle(request, answering, answered);
        }
    }
}

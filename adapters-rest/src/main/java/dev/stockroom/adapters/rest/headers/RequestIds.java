package dev.stockroom.adapters.rest.headers;

import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Every request's id: the client's {@value #HEADER} when it is 1–128 characters of
 * {@code [A-Za-z0-9._-]}, a random UUID otherwise. It is returned on every response, kept in the
 * log MDC as {@value #MDC_KEY} while the request is handled, and written into every error body.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    /** The request property (a servlet request attribute under a servlet container) holding the id. */
    public static final String PROPERTY = RequestIds.class.getName();

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {}

    /** Whether a client's id is kept as it is. */
    public static boolean isAcceptable(String id) {
        return id != null && ACCEPTED.matcher(id).matches();
    }

    /** The client's id when it is acceptable, else a new one. */
    public static String accept(String id) {
        return isAcceptable(id) ? id : UUID.randomUUID().toString();
    }

    /**
     * The Jetty handler that settles the id before anything else in the application context runs
     * (CORS preflights included): the request goes on with the accepted id in its {@value #HEADER},
     * so that what runs after reads that one, and the response carries it from the start.
     */
    public static Handler.Wrapper handler() {
        return new IdHandler();
    }

    private static final class IdHandler extends Handler.Wrapper {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String sent = request.getHeaders().get(HEADER);
            String id = accept(sent);
            response.getHeaders().put(HEADER, id);
            Request withId = request;
            if (!id.equals(sent)) {
                HttpFields headers =
                        HttpFields.build(request.getHeaders()).put(HEADER, id).asImmutable();
                withId = new Request.Wrapper(request) {
                    @Override
                    public HttpFields getHeaders() {
                        return headers;
                    }
                };
            }
            withId.setAttribute(PROPERTY, id);
            String before = MDC.get(MDC_KEY);
            MDC.put(MDC_KEY, id);
            try {
                return super.handle(withId, response, callback);
            } finally {
                if (before == null) {
                    MDC.remove(MDC_KEY);
                } else {
                    MDC.put(MDC_KEY, before);
                }
            }
        }
    }
}

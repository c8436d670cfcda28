package dev.stockroom.adapters.rest.headers;

import io.dropwizard.jetty.setup.ServletEnvironment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The headers that keep browsers and caches from misusing what the service answers, in one list:
 * no content sniffing, no referrer, no framing and no active content, and no caching of account
 * data. The servlet filter puts them on everything the port answers, since only a servlet filter
 * sees what Jersey never handles; Jersey's own filter puts them on Jersey responses where the API
 * runs without the servlet filter (a host's Jersey, a resource test); {@code JsonErrorHandler}
 * puts them on what Jetty refuses before any filter runs.
 */
public final class SecurityHeaders {
    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String REFERRER_POLICY = "Referrer-Policy";
    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    // A JSON answer needs nothing a browser could load or run, and no page may frame it. Photos set
    // their own policy (MediaResource), which replaces this one.
    private static final Map<String, String> EVERY_RESPONSE = ordered(
            CONTENT_TYPE_OPTIONS, "nosniff",
            REFERRER_POLICY, "no-referrer",
            CONTENT_SECURITY_POLICY, "default-src 'none'; frame-ancestors 'none'");

    // The API page under /docs/ (Swagger UI) runs its own scripts and styles and reads the API's
    // document, and nothing from anywhere else; no page may frame it either.
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    // Pragma for HTTP/1.0 caches, which do not know Cache-Control.
    private static final Map<String, String> NO_STORE = ordered(
            "Cache-Control", "no-store",
            "Pragma", "no-cache");

    private SecurityHeaders() {}

    /**
     * Every header a response to {@code path} must carry. {@code error} is for what Jetty refuses
     * before anything has matched the request, whose path may not even parse: no cache keeps those.
     */
    public static void apply(String path, boolean error, BiConsumer<String, String> header) {
        EVERY_RESPONSE.forEach(header);
        if (!error && isDocsPage(path)) {
            header.accept(CONTENT_SECURITY_POLICY, DOCS_POLICY);
        }
        if (error || carriesAccountData(path)) {
            NO_STORE.forEach(header);
        }
    }

    /**
     * Whether answers under {@code path} may carry tokens or personal data: everything under
     * {@code /users} and {@code /admin}. The first segment is compared as Jersey matches it
     * (leading slashes and matrix parameters do not count), and without regard to case, since
     * covering too much here costs nothing.
     */
    static boolean carriesAccountData(String path) {
        String first = firstSegment(path);
        return first.equalsIgnoreCase("users") || first.equalsIgnoreCase("admin");
    }

    /** Whether {@code path} is under {@code /docs/}, the API page, compared exactly as the servlet maps it. */
    static boolean isDocsPage(String path) {
        return path != null && (path.equals("/docs") || path.startsWith("/docs/"));
    }

    private static String firstSegment(String path) {
        if (path == null) {
            return "";
        }
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        int end = start;
        while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != ';') {
            end++;
        }
        return path.substring(start, end);
    }

    /** Puts the headers on every response of the application port, whatever answers it. */
    public static void addTo(ServletEnvironment application) {
        application
                .addFilter("security-headers", new ApplicationFilter())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), true, "/*");
    }

    /**
     * The admin port (health checks, metrics, tasks): no sniffing and no referrer. It serves
     * Dropwizard's pages, so no content policy written for JSON.
     */
    public static void addToAdmin(ServletEnvironment admin) {
        admin.addFilter("security-headers", new AdminFilter())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), true, "/*");
    }

    /**
     * Sets the headers before the request goes on, so they are there however the response ends;
     * Jersey replaces any it sets itself (a photo's policy and cache lifetime).
     */
    private static final class ApplicationFilter extends HttpFilter {
        @Override
        void before(HttpServletRequest request, HttpServletResponse response) {
            String path = Objects.toString(request.getServletPath(), "") + Objects.toString(request.getPathInfo(), "");
            apply(path, false, response::setHeader);
        }
    }

    private static final class AdminFilter extends HttpFilter {
        @Override
        void before(HttpServletRequest request, HttpServletResponse response) {
            response.setHeader(CONTENT_TYPE_OPTIONS, EVERY_RESPONSE.get(CONTENT_TYPE_OPTIONS));
            response.setHeader(REFERRER_POLICY, EVERY_RESPONSE.get(REFERRER_POLICY));
        }
    }

    private abstract static class HttpFilter implements Filter {
        abstract void before(HttpServletRequest request, HttpServletResponse response);

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (!(request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse)) {
                chain.doFilter(request, response);
                return;
            }
            before(http, httpResponse);
            chain.doFilter(request, new HttpServletResponseWrapper(httpResponse) {
                // reset() clears every header; Dropwizard's task servlet resets before each refusal.
                @Override
                public void reset() {
                    super.reset();
                    before(http, httpResponse);
                }
            });
        }
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(headers);
    }
}

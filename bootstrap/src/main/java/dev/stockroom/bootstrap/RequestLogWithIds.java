package dev.stockroom.bootstrap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.stockroom.adapters.rest.headers.RequestIds;
import io.dropwizard.request.logging.RequestLogFactory;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.RequestLog;

/**
 * The configured request log, with the request's id at the end of each line of Dropwizard's
 * classic format ({@code server.requestLog.type: classic}, Stockroom's default): {@code ...
 * request_id=<id>}, taken from the response's {@value RequestIds#HEADER}. Any other request log
 * is used as it is configured.
 */
final class RequestLogWithIds implements RequestLogFactory<RequestLog> {
    static final String SUFFIX = " request_id=%{" + RequestIds.HEADER + "}o";

    private final RequestLogFactory<?> configured;

    RequestLogWithIds(RequestLogFactory<?> configured) {
        this.configured = configured;
    }

    @Override
    @JsonIgnore
    public boolean isEnabled() {
        return configured.isEnabled();
    }

    @Override
    public RequestLog build(String name) {
        RequestLog log = configured.build(name);
        if (log instanceof CustomRequestLog custom && !custom.getFormatString().contains(SUFFIX)) {
            return new CustomRequestLog(custom.getWriter(), custom.getFormatString() + SUFFIX);
        }
        return log;
    }
}

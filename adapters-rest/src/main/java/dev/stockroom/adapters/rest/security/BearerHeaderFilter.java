package dev.stockroom.adapters.rest.security;

import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;

/**
 * Bearer authentication from the {@code Authorization} header alone. dropwizard-auth's
 * {@code OAuthCredentialAuthFilter} also takes {@code ?access_token=} from the query string (RFC
 * 6750 section 2.3), where a token ends up in request logs, proxy logs and browser history; a token
 * anywhere but the header counts as no credentials here, and so does anything that is not
 * {@code <scheme> <b64token>} (RFC 6750 section 2.1) with the configured scheme.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerHeaderFilter<P extends Principal> extends AuthFilter<String, P> {

    private BearerHeaderFilter() {}

    @Override
    public void filter(ContainerRequestContext request) {
        String token = tokenIn(request.getHeaders().get(HttpHeaders.AUTHORIZATION), prefix);
        if (!authenticate(request, token, SecurityContext.BASIC_AUTH)) {
            throw unauthorizedHandler.buildException(prefix, realm);
        }
    }

    /**
     * The token of the one {@code Authorization} header, or null. Two headers are refused rather
     * than one of them chosen: a proxy and a client could each think theirs is the one that counts.
     */
    static String tokenIn(List<String> headers, String scheme) {
        if (headers == null || headers.size() != 1) {
            return null;
        }
        String value = headers.get(0);
        if (value == null
                || value.length() <= scheme.length()
                || !value.regionMatches(true, 0, scheme, 0, scheme.length())
                || value.charAt(scheme.length()) != ' ') {
            return null;
        }
        String token = value.substring(scheme.length() + 1).strip();
        return isB64Token(token) ? token : null;
    }

    /** {@code b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}: a JWT is one. */
    private static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '+'
                    || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** Builds the filter; an {@link io.dropwizard.auth.Authenticator} must be set, as for dropwizard-auth's own. */
    public static final class Builder<P extends Principal> extends AuthFilterBuilder<String, P, BearerHeaderFilter<P>> {

        @Override
        protected BearerHeaderFilter<P> newInstance() {
            return new BearerHeaderFilter<>();
        }
    }
}

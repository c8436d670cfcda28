package dev.stockroom.bootstrap;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code cors:}: the browser origins allowed to call the API from their pages. Empty (the
 * default): no CORS header on any answer, so browsers keep other sites' scripts out.
 */
public class CorsSettings {
    /** Exact origins, {@code scheme://host[:port]}: {@code https://shop.example}. */
    @JsonProperty
    @NotNull
    public List<String> allowedOrigins = new ArrayList<>();

    /** Whether a browser may send cookies and HTTP authentication along (bearer tokens need not). */
    @JsonProperty
    public boolean allowCredentials = false;

    /** How long a browser may keep a preflight's answer. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.DAYS)
    public Duration maxAge = Duration.minutes(10);

    boolean isEnabled() {
        return !origins().isEmpty();
    }

    /** The allowed origins, stripped, each checked to be an origin (not a pattern, a path or {@code *}). */
    List<String> origins() {
        List<String> origins = new ArrayList<>();
        for (String origin : allowedOrigins) {
            if (origin == null || origin.isBlank()) {
                continue;
            }
            String stripped = origin.strip();
            if (!isOrigin(stripped)) {
                throw new IllegalArgumentException("cors.allowedOrigins / STOCKROOM_CORS_ORIGINS: '" + stripped
                        + "' is not an origin such as https://shop.example or http://localhost:5173");
            }
            origins.add(stripped);
        }
        return List.copyOf(origins);
    }

    private static boolean isOrigin(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

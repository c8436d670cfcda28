package dev.stockroom.adapters.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the mail templates say about the shop, and where replacement templates live.
 *
 * @param shopName the shop's name, as {@code {{shop_name}}} in every subject and body
 * @param shopUrl the shop's public address ({@code http} or {@code https}), as {@code {{shop_url}}}
 * @param templatesDirectory a directory whose template files replace the shipped ones of the same
 *     name; a file it lacks comes from the shipped set. English files sit at its top, another
 *     language's in a directory named by its tag ({@code de/}, or {@code fr/} for one not shipped)
 */
public record TemplateSettings(String shopName, Optional<String> shopUrl, Optional<Path> templatesDirectory) {
    public static final String DEFAULT_SHOP_NAME = "Stockroom";
    static final int MAX_SHOP_NAME_LENGTH = 100;

    public TemplateSettings {
        shopName = checkShopName(shopName);
        shopUrl = checkShopUrl(Objects.requireNonNull(shopUrl, "shopUrl").orElse(null));
        Objects.requireNonNull(templatesDirectory, "templatesDirectory");
    }

    /** The shipped templates, signed "Stockroom", with no link. */
    public static TemplateSettings defaults() {
        return new TemplateSettings(DEFAULT_SHOP_NAME, Optional.empty(), Optional.empty());
    }

    /**
     * The name stripped; refused when blank, longer than {@value #MAX_SHOP_NAME_LENGTH} characters
     * or holding a control character (a line break would end a subject header).
     */
    public static String checkShopName(String name) {
        Objects.requireNonNull(name, "shopName");
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("The shop name must not be blank");
        }
        if (stripped.length() > MAX_SHOP_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "The shop name must be at most " + MAX_SHOP_NAME_LENGTH + " characters, not " + stripped.length());
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The shop name must not hold control characters or line breaks");
        }
        return stripped;
    }

    /** Empty for null or blank; otherwise an absolute {@code http} or {@code https} address with a host. */
    public static Optional<String> checkShopUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String stripped = url.strip();
        URI uri;
        try {
            uri = new URI(stripped);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid shop URL: '" + stripped + "' (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "The shop URL must be an absolute http or https address such as https://shop.example, not '"
                            + stripped + "'");
        }
        return Optional.of(stripped);
    }
}

package dev.stockroom.core.catalog.domain;

import dev.stockroom.core.shared.InvalidValue;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A product's name in a URL: 1 to 100 of {@code a-z 0-9 -}, unique across all products. Made from
 * the name by {@link #from} unless the owner sets one.
 */
public record Slug(String value) {
    public static final int MAX_LENGTH = 100;
    private static final Pattern FORM = Pattern.compile("[a-z0-9-]{1," + MAX_LENGTH + "}");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9]+");
    // Letters that are no base letter plus a mark, so decomposing leaves them as they are.
    private static final Map<String, String> LIGATURES =
            Map.of("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o", "đ", "d", "ł", "l", "þ", "th", "ð", "d", "ı", "i");
    private static final String FALLBACK = "product";

    public Slug {
        if (value == null || value.isBlank()) {
            throw new InvalidValue("This field is required.");
        }
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValue("Must be 1 to " + MAX_LENGTH + " of lower-case letters a-z, digits and hyphens.");
        }
    }

    /**
     * The slug of a name: lower case, accents and ligatures folded to ASCII, every run of other
     * characters one hyphen, none at either end; {@code product} when nothing is left.
     */
    public static Slug from(ProductName name) {
        String text = name.value().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> ligature : LIGATURES.entrySet()) {
            text = text.replace(ligature.getKey(), ligature.getValue());
        }
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        text = NOT_ALLOWED.matcher(text).replaceAll("-");
        text = trimHyphens(text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
        return new Slug(text.isEmpty() ? FALLBACK : text);
    }

    /** This slug with {@code -n} at the end, shortened first where it would be too long. */
    public Slug withSuffix(int n) {
        String suffix = "-" + n;
        String base = value.length() + suffix.length() > MAX_LENGTH
                ? trimHyphens(value.substring(0, MAX_LENGTH - suffix.length()))
                : value;
        return new Slug((base.isEmpty() ? FALLBACK : base) + suffix);
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return value;
    }
}

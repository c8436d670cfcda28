package dev.stockroom.adapters.persistence.row;

/**
 * LIKE patterns that match a client's text literally, the same on H2 and PostgreSQL: every
 * wildcard and the escape character itself are escaped, and each LIKE names its escape, since
 * PostgreSQL's implicit one (a backslash) is not H2's.
 */
public final class Like {
    /**
     * '!' rather than the usual backslash: JDBI's statement parser reads a backslash before a quote
     * inside a SQL literal as an escaped quote, so '\' would never end.
     */
    public static final char ESCAPE = '!';
    /** Follows a {@code LIKE :pattern}. */
    public static final String ESCAPE_CLAUSE = " ESCAPE '" + ESCAPE + "'";

    private Like() {}

    /** A pattern that matches the strings containing {@code text}. */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }

    /** {@code text} as a LIKE pattern that matches itself only: wildcards and the escape are escaped. */
    public static String escape(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.toString();
    }
}

package dev.stockroom.core.notification.domain;

import dev.stockroom.core.shared.LanguageTag;
import java.util.Map;
import java.util.Objects;

/**
 * A semantic mail: what happened, to whom, in which language, and the values the templates need.
 * Rendering is the mail adapter's job; it writes {@code locale} where it has a translation and
 * English otherwise. {@code values} may hold a one-time code; it must never hold a password.
 */
public record Notification(NotificationKind kind, String recipient, Map<String, String> values, LanguageTag locale) {
    public static final String FIRST_NAME = "first_name";
    public static final String CODE = "code";
    public static final String EXPIRES_IN_MINUTES = "expires_in_minutes";
    public static final String CHANGED_AT = "changed_at";
    public static final String NEW_EMAIL = "new_email";
    public static final String EXPIRES_IN_DAYS = "expires_in_days";
    public static final String DELETED_AT = "deleted_at";

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
        Objects.requireNonNull(locale, "locale");
    }

    /** A notification in English. */
    public Notification(NotificationKind kind, String recipient, Map<String, String> values) {
        this(kind, recipient, values, LanguageTag.ENGLISH);
    }

    public String value(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException(kind + " notification has no value '" + key + "'");
        }
        return v;
    }

    /** Never prints the values: they may hold a code. */
    @Override
    public String toString() {
        return "Notification[kind=" + kind + ", recipient=" + recipient + ", locale=" + locale + "]";
    }
}

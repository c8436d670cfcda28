package dev.stockroom.adapters.mail;

import static dev.stockroom.core.notification.domain.Notification.CHANGED_AT;
import static dev.stockroom.core.notification.domain.Notification.CODE;
import static dev.stockroom.core.notification.domain.Notification.EXPIRES_IN_MINUTES;
import static dev.stockroom.core.notification.domain.Notification.FIRST_NAME;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import java.util.Map;

/** Notifications carrying exactly the values NotificationKind documents for each kind. */
final class SampleNotifications {
    static final String RECIPIENT = "alice@example.com";
    static final String CODE_VALUE = "482913";
    static final String CHANGED_AT_VALUE = "2026-11-26 09:41 UTC";

    private SampleNotifications() {}

    static Notification of(NotificationKind kind) {
        return new Notification(kind, RECIPIENT, valuesOf(kind, "Alice"));
    }

    static Map<String, String> valuesOf(NotificationKind kind, String firstName) {
        return switch (kind) {
            case VERIFICATION_CODE, PASSWORD_RESET_CODE, EMAIL_CHANGE_CODE ->
                Map.of(FIRST_NAME, firstName, CODE, CODE_VALUE, EXPIRES_IN_MINUTES, "10");
            case PASSWORD_CHANGED -> Map.of(FIRST_NAME, firstName, CHANGED_AT, CHANGED_AT_VALUE);
            case EMAIL_CHANGE_REQUESTED ->
                Map.of(
                        FIRST_NAME,
                        firstName,
                        dev.stockroom.core.notification.domain.Notification.NEW_EMAIL,
                        "new@example.com",
                        CODE,
                        CODE_VALUE,
                        dev.stockroom.core.notification.domain.Notification.EXPIRES_IN_DAYS,
                        "7");
            case ACCOUNT_DELETED ->
                Map.of(
                        FIRST_NAME,
                        firstName,
                        dev.stockroom.core.notification.domain.Notification.DELETED_AT,
                        CHANGED_AT_VALUE);
        };
    }
}

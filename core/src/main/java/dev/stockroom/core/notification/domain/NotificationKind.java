package dev.stockroom.core.notification.domain;

/** What a mail is about; the mail adapter picks its templates by kind. */
public enum NotificationKind {
    /** values: first_name, code, expires_in_minutes */
    VERIFICATION_CODE,
    /** values: first_name, code, expires_in_minutes */
    PASSWORD_RESET_CODE,
    /** values: first_name, changed_at */
    PASSWORD_CHANGED
}

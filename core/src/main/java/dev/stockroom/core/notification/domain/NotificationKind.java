package dev.stockroom.core.notification.domain;

/** What a mail is about; the mail adapter picks its templates by kind. */
public enum NotificationKind {
    /** values: first_name, code, expires_in_minutes */
    VERIFICATION_CODE,
    /** values: first_name, code, expires_in_minutes */
    PASSWORD_RESET_CODE,
    /** values: first_name, changed_at */
    PASSWORD_CHANGED,
    /** To the new address of an email change. values: first_name, code, expires_in_minutes */
    EMAIL_CHANGE_CODE,
    /** To the address an email change leaves. values: first_name, new_email, code (the undo code), expires_in_days */
    EMAIL_CHANGE_REQUESTED,
    /** To the address of a deleted account. values: first_name, deleted_at */
    ACCOUNT_DELETED
}

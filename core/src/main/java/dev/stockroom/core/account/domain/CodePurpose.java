package dev.stockroom.core.account.domain;

public enum CodePurpose {
    VERIFY_EMAIL,
    RESET_PASSWORD,
    /** Proves the new address of an email change; the change waits in an {@code EmailChangeRequest}. */
    CHANGE_EMAIL
}

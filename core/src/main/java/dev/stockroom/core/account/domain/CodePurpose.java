package dev.stockroom.core.account.domain;

public enum CodePurpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
}

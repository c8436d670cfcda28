package dev.stockroom.core.account.domain;

/**
 * LOGIN sessions back access and refresh tokens. PASSWORD_RESET sessions back the short-lived
 * token handed out by forget/verify, which reaches only the password update.
 */
public enum SessionKind {
    LOGIN,
    PASSWORD_RESET
}

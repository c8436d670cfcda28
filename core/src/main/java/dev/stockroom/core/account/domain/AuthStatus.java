package dev.stockroom.core.account.domain;

/** NEW until the email address is proven by a code; VERIFIED after. */
public enum AuthStatus {
    NEW,
    VERIFIED
}

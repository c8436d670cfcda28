package dev.stockroom.core.account.domain;

/** ADMIN may change any product; set only by the {@code make-admin} command. */
public enum Role {
    USER,
    ADMIN
}

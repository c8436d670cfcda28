package dev.stockroom.core.account.port.in;

/** A new NEW account and the session it is signed in with (no refresh token until verified). */
public record Registered(Profile profile, SessionGrant grant) {}

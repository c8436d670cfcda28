package dev.stockroom.core.account.domain;

/** What a security event records; the names are the API's. */
public enum AuditKind {
    REGISTERED,
    VERIFIED,
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    /** An account's wrong passwords reached the point where the next check must wait. */
    THROTTLED,
    /** A spent refresh token came back; its session was ended. */
    REFRESH_REUSED,
    LOGGED_OUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    ROLE_CHANGED,
    DISABLED,
    ENABLED,
    UNLOCKED,
    /** Sessions ended by their user (one device) or by an admin. */
    SESSION_ENDED,
    EMAIL_CHANGED,
    MFA_ENABLED,
    MFA_DISABLED,
    /** A wrong or reused second-factor code (at login, confirmation or disabling). */
    MFA_FAILED,
    /** A login (or a disabling) completed with one of the user's recovery codes. */
    MFA_RECOVERY_CODE_USED,
    ACCOUNT_DELETED,
    /** The user changed their names or language. */
    PROFILE_UPDATED
}

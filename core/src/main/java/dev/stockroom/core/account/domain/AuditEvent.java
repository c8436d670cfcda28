package dev.stockroom.core.account.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One security event, appended to the audit trail in the transaction of the change it records.
 * Never carries a password, code or token: {@code detail} is a short fixed text the use case
 * writes (for example the new role), not anything a client sent. A failed login for a name that
 * is no account has no user and no username, because people type passwords into the name field.
 *
 * @param userId    the account the event is about
 * @param username  its username at the time, kept so that the trail still reads after a rename
 * @param actor     who did it when that is someone else (an admin), empty otherwise
 * @param sessionId the session the event happened in or to
 */
public record AuditEvent(
        UUID id,
        Instant at,
        AuditKind kind,
        Optional<UserId> userId,
        Optional<Username> username,
        Optional<UserId> actor,
        Origin origin,
        Optional<SessionId> sessionId,
        Optional<String> detail) {
    public static final int MAX_DETAIL_LENGTH = 200;

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(detail, "detail");
        if (detail.isPresent() && detail.get().length() > MAX_DETAIL_LENGTH) {
            throw new IllegalArgumentException("detail is longer than " + MAX_DETAIL_LENGTH);
        }
    }
}

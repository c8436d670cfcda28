package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.out.AuditLog;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Appends security events for the use cases. Callers run it inside the transaction of the change
 * the event records. {@code detail} is always a fixed text of the calling use case, never what a
 * client sent, so no secret can reach the trail through it.
 */
final class Audit {
    private final AuditLog log;

    Audit(AuditLog log) {
        this.log = log;
    }

    /** An event about a user, in one of their sessions or none. */
    void record(
            AuditKind kind,
            UserId user,
            Username username,
            Optional<SessionId> session,
            Origin origin,
            Instant at,
            String detail) {
        append(kind, Optional.of(user), Optional.of(username), Optional.empty(), session, origin, at, detail);
    }

    /** An admin's action on a user. */
    void byAdmin(
            AuditKind kind, UserId user, Username username, UserId admin, Origin origin, Instant at, String detail) {
        append(
                kind,
                Optional.of(user),
                Optional.of(username),
                Optional.of(admin),
                Optional.empty(),
                origin,
                at,
                detail);
    }

    /**
     * An event about a user whose personal data is gone (a deleted account): the id and what
     * happened, no username; {@code actor} is the admin who acted, if one did.
     */
    void withoutName(AuditKind kind, UserId user, Optional<UserId> actor, Origin origin, Instant at, String detail) {
        append(kind, Optional.of(user), Optional.empty(), actor, Optional.empty(), origin, at, detail);
    }

    /** An event with no account behind it (a login for a name that is no account). */
    void anonymous(AuditKind kind, Origin origin, Instant at, String detail) {
        append(kind, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), origin, at, detail);
    }

    private void append(
            AuditKind kind,
            Optional<UserId> user,
            Optional<Username> username,
            Optional<UserId> actor,
            Optional<SessionId> session,
            Origin origin,
            Instant at,
            String detail) {
        log.append(new AuditEvent(
                UUID.randomUUID(), at, kind, user, username, actor, origin, session, Optional.ofNullable(detail)));
    }
}

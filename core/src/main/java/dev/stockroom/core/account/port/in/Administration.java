package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditQuery;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.UserQuery;
import dev.stockroom.core.shared.Page;

/**
 * What a shop's administrator can see and do. Every call takes the admin making it (refused with
 * {@link dev.stockroom.core.account.domain.AccountFailure.NotAdmin} for anyone else, as the role
 * is stored now) and records what it changed in the audit trail, in the same transaction.
 * A user that does not exist is {@link dev.stockroom.core.account.domain.AccountFailure.UserNotFound}.
 */
public interface Administration {

    Page<User> users(AuthenticatedUser admin, UserQuery query);

    UserDetail user(AuthenticatedUser admin, UserId id);

    /**
     * Disables the account and ends every one of its sessions at once: it cannot log in, refresh or
     * use a token until enabled again.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.LastAdmin for the last enabled admin
     */
    User disable(AuthenticatedUser admin, UserId id, Origin origin);

    User enable(AuthenticatedUser admin, UserId id, Origin origin);

    /** Clears the account's login throttling: its own count and those of its devices. */
    User unlock(AuthenticatedUser admin, UserId id, Origin origin);

    /** Ends every session of the user; returns how many were live. */
    int endSessions(AuthenticatedUser admin, UserId id, Origin origin);

    /**
     * Grants or revokes the admin role.
     *
     * @throws dev.stockroom.core.account.domain.AccountFailure.LastAdmin when it would leave no enabled admin
     */
    User changeRole(AuthenticatedUser admin, UserId id, Role role, Origin origin);

    Page<AuditEvent> events(AuthenticatedUser admin, AuditQuery query);
}

package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.AuditQuery;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.UserQuery;
import dev.stockroom.core.account.port.in.Administration;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.UserDetail;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.account.port.out.LoginAttempts;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.Page;
import dev.stockroom.core.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class AdministrationService implements Administration {
    static final int RECENT_EVENTS = 20;

    private final UserRepository users;
    private final SessionRepository sessions;
    private final LoginAttempts loginAttempts;
    private final TrustedDevices devices;
    private final AuditLog auditLog;
    private final Audit audit;
    private final Transactions transactions;
    private final Clock clock;

    AdministrationService(
            UserRepository users,
            SessionRepository sessions,
            LoginAttempts loginAttempts,
            TrustedDevices devices,
            AuditLog auditLog,
            Audit audit,
            Transactions transactions,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.loginAttempts = loginAttempts;
        this.devices = devices;
        this.auditLog = auditLog;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Page<User> users(AuthenticatedUser admin, UserQuery query) {
        requireAdmin(admin);
        return users.find(query);
    }

    @Override
    public UserDetail user(AuthenticatedUser admin, UserId id) {
        requireAdmin(admin);
        Instant now = clock.instant();
        User user = find(id);
        Optional<Instant> throttledUntil = AuthenticationService.nameKeys(user).stream()
                .map(key -> loginAttempts.blockedUntil(key, now))
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
        return new UserDetail(
                user,
                sessions.findActiveOf(id, SessionKind.LOGIN, now),
                auditLog.latestOf(id, RECENT_EVENTS),
                throttledUntil);
    }

    @Override
    public User disable(AuthenticatedUser admin, UserId id, Origin origin) {
        requireAdmin(admin);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            // The admins first, then the user: every change takes its locks in that order, so two
            // cannot deadlock, and the count cannot change before this one commits.
            int admins = users.countEnabledWithRoleForUpdate(Role.ADMIN);
            User user = findForUpdate(id);
            if (user.role() == Role.ADMIN && !user.isDisabled() && admins <= 1) {
                throw new AccountFailure.LastAdmin();
            }
            User disabled = user.withDisabled(true, now);
            users.update(disabled);
            // At once: the next request with any of its tokens finds its session ended.
            int ended = sessions.revokeAllOf(id, now);
            devices.removeAllOf(id);
            if (!user.isDisabled()) {
                audit.byAdmin(
                        AuditKind.DISABLED,
                        id,
                        user.username(),
                        admin.userId(),
                        origin,
                        now,
                        ended + " sessions ended");
            }
            return disabled;
        });
    }

    @Override
    public User enable(AuthenticatedUser admin, UserId id, Origin origin) {
        requireAdmin(admin);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            User user = findForUpdate(id);
            if (!user.isDisabled()) {
                return user;
            }
            User enabled = user.withDisabled(false, now);
            users.update(enabled);
            audit.byAdmin(AuditKind.ENABLED, id, user.username(), admin.userId(), origin, now, null);
            return enabled;
        });
    }

    @Override
    public User unlock(AuthenticatedUser admin, UserId id, Origin origin) {
        requireAdmin(admin);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            User user = find(id);
            List<String> keys = new ArrayList<>(AuthenticationService.nameKeys(user));
            devices.hashesOf(id).forEach(hash -> keys.add(AuthenticationService.deviceKey(hash)));
            loginAttempts.forget(keys);
            audit.byAdmin(
                    AuditKind.UNLOCKED, id, user.username(), admin.userId(), origin, now, "login throttling cleared");
            return user;
        });
    }

    @Override
    public int endSessions(AuthenticatedUser admin, UserId id, Origin origin) {
        requireAdmin(admin);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            User user = find(id);
            int ended = sessions.revokeAllOf(id, now);
            audit.byAdmin(
                    AuditKind.SESSION_ENDED,
                    id,
                    user.username(),
                    admin.userId(),
                    origin,
                    now,
                    ended + " sessions ended by an admin");
            return ended;
        });
    }

    @Override
    public User changeRole(AuthenticatedUser admin, UserId id, Role role, Origin origin) {
        requireAdmin(admin);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            // Counted under lock, admins before the user as in disable: two admins demoting each
            // other at once cannot both succeed.
            int admins = users.countEnabledWithRoleForUpdate(Role.ADMIN);
            User user = findForUpdate(id);
            if (user.role() == role) {
                return user;
            }
            if (user.role() == Role.ADMIN && !user.isDisabled() && admins <= 1) {
                throw new AccountFailure.LastAdmin();
            }
            User changed = user.withRole(role, now);
            users.update(changed);
            audit.byAdmin(
                    AuditKind.ROLE_CHANGED,
                    id,
                    user.username(),
                    admin.userId(),
                    origin,
                    now,
                    "role " + user.role() + " to " + role);
            return changed;
        });
    }

    @Override
    public Page<AuditEvent> events(AuthenticatedUser admin, AuditQuery query) {
        requireAdmin(admin);
        return auditLog.find(query);
    }

    private User find(UserId id) {
        return users.findById(id).orElseThrow(() -> new AccountFailure.UserNotFound("with that id"));
    }

    /** Inside the change's transaction: locked, so that two admins' changes to one user cannot lose either. */
    private User findForUpdate(UserId id) {
        return users.findByIdForUpdate(id).orElseThrow(() -> new AccountFailure.UserNotFound("with that id"));
    }

    /**
     * The caller's role is the stored one ({@code Authentication.authenticate} read it for this
     * request), so a token minted before a demotion grants nothing more.
     */
    private static void requireAdmin(AuthenticatedUser caller) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        if (!caller.isAdmin()) {
            throw new AccountFailure.NotAdmin();
        }
    }
}

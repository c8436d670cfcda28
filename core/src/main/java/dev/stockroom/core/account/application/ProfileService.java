package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.Profile;
import dev.stockroom.core.account.port.in.ProfileChange;
import dev.stockroom.core.account.port.in.Profiles;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class ProfileService implements Profiles {
    private final UserRepository users;
    private final Transactions transactions;
    private final Audit audit;
    private final Clock clock;

    ProfileService(UserRepository users, Transactions transactions, Audit audit, Clock clock) {
        this.users = users;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Profile me(AuthenticatedUser caller) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        return Profile.from(Callers.storedUser(users, caller));
    }

    @Override
    public Profile update(AuthenticatedUser caller, ProfileChange change, Origin origin) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            // Locked, so that a concurrent change of the user (an admin's) is not written over.
            User user = users.findByIdForUpdate(caller.userId()).orElseThrow(AccountFailure.SessionEnded::new);
            User changed = user.withProfile(
                    change.firstName().orElse(user.firstName()),
                    change.lastName().orElse(user.lastName()),
                    change.locale().orElse(user.locale()),
                    now);
            List<String> fields = new ArrayList<>();
            if (!changed.firstName().equals(user.firstName())) {
                fields.add(ProfileChange.FIRST_NAME);
            }
            if (!changed.lastName().equals(user.lastName())) {
                fields.add(ProfileChange.LAST_NAME);
            }
            if (!changed.locale().equals(user.locale())) {
                fields.add(ProfileChange.LOCALE);
            }
            if (fields.isEmpty()) {
                return Profile.from(user);
            }
            users.update(changed);
            // The names of the fields only, never their values.
            audit.record(
                    AuditKind.PROFILE_UPDATED,
                    user.id(),
                    user.username(),
                    Optional.of(caller.sessionId()),
                    origin,
                    now,
                    "changed " + String.join(", ", fields));
            return Profile.from(changed);
        });
    }

    @Override
    public Profile assignRole(Username username, Role role) {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            User user = users.findByUsername(username)
                    .orElseThrow(() -> new AccountFailure.UserNotFound("named " + username));
            if (user.role() == role) {
                return Profile.from(user);
            }
            if (user.role() == Role.ADMIN
                    && !user.isDisabled()
                    && users.countEnabledWithRoleForUpdate(Role.ADMIN) <= 1) {
                throw new AccountFailure.LastAdmin();
            }
            User changed = user.withRole(role, now);
            users.update(changed);
            audit.record(
                    AuditKind.ROLE_CHANGED,
                    user.id(),
                    user.username(),
                    Optional.empty(),
                    Origin.UNKNOWN,
                    now,
                    "role " + role + " by the make-admin command");
            return Profile.from(changed);
        });
    }
}

package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditQuery;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.account.port.in.PersonalData;
import dev.stockroom.core.account.port.in.Profile;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import dev.stockroom.core.shared.Page;
import dev.stockroom.core.shared.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

final class PersonalDataService implements PersonalData {
    private final UserRepository users;
    private final SessionRepository sessionStore;
    private final AuditLog auditLog;
    private final Clock clock;

    PersonalDataService(UserRepository users, SessionRepository sessionStore, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.sessionStore = sessionStore;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public Export export(AuthenticatedUser caller) {
        Callers.requireKind(caller, SessionKind.LOGIN);
        User user = Callers.storedUser(users, caller);
        List<AuditEvent> events = new ArrayList<>();
        AuditQuery query = AuditQuery.of(user.id());
        for (int page = 1; ; page++) {
            Page<AuditEvent> found = auditLog.find(new AuditQuery(
                    query.user(),
                    query.kind(),
                    query.since(),
                    query.until(),
                    new PageRequest(page, PageRequest.MAX_PAGE_SIZE)));
            events.addAll(found.items());
            if (!found.hasNext()) {
                break;
            }
        }
        return new Export(
                Profile.from(user), sessionStore.findActiveOf(user.id(), SessionKind.LOGIN, clock.instant()), events);
    }
}

package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.Session;
import java.util.List;
import java.util.Objects;

/** What the accounts store about the caller, for export (the catalogue holds the caller's products). */
public interface PersonalData {

    Export export(AuthenticatedUser caller);

    /**
     * Everything the accounts hold about one user.
     *
     * @param sessions the live sessions, newest first (no token material is stored to give)
     * @param events   every audit event about the user still kept, newest first
     */
    record Export(Profile profile, List<Session> sessions, List<AuditEvent> events) {
        public Export {
            Objects.requireNonNull(profile, "profile");
            sessions = List.copyOf(sessions);
            events = List.copyOf(events);
        }
    }
}

package dev.stockroom.core.account.port.in;

import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.User;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One user as an admin sees it: the account, its live sessions (newest first), its latest events
 * (newest first), and until when its next login must wait after wrong passwords, if it must.
 */
public record UserDetail(
        User user, List<Session> sessions, List<AuditEvent> recentEvents, Optional<Instant> throttledUntil) {
    public UserDetail {
        Objects.requireNonNull(user, "user");
        sessions = List.copyOf(sessions);
        recentEvents = List.copyOf(recentEvents);
        Objects.requireNonNull(throttledUntil, "throttledUntil");
    }
}

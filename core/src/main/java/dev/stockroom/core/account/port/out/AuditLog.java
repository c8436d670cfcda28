package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditQuery;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.shared.Page;
import java.time.Instant;
import java.util.List;

/**
 * The append-only trail of security events. The use cases append inside the transaction of the
 * change an event records, so an event exists exactly when its change does; nothing updates an
 * event (but {@link #forgetPersonalDataOf} for a deleted account), and only {@link #purgeBefore} deletes.
 */
public interface AuditLog {

    void append(AuditEvent event);

    /** The events matching the query, newest first (ties by id). */
    Page<AuditEvent> find(AuditQuery query);

    /**
     * Clears what identifies a person from the events about {@code user} (username, client address
     * and user agent), for a deleted account: what happened and when stays, under an id that names
     * nobody any more.
     *
     * @return how many events this call changed
     */
    int forgetPersonalDataOf(UserId user);

    /** The user's latest {@code limit} (at least 1) events, newest first. */
    List<AuditEvent> latestOf(UserId user, int limit);

    /**
     * Deletes the events that happened before {@code cutoff}: the retention period. Safe to run
     * concurrently with itself and with appending.
     *
     * @return how many events this call deleted
     */
    int purgeBefore(Instant cutoff);
}

package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.EmailChangeRequest;
import dev.stockroom.core.account.domain.EmailChangeUndo;
import dev.stockroom.core.account.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pending email changes and the ways back from them. A deleted user's go with the user. */
public interface EmailChangeRepository {

    /** Stores the request, replacing the user's previous one. */
    void replaceRequest(EmailChangeRequest request);

    /** The user's pending request, expired or not. */
    Optional<EmailChangeRequest> findRequest(UserId userId);

    /** Removes the user's pending request; true when there was one. */
    boolean removeRequest(UserId userId);

    void addUndo(EmailChangeUndo undo);

    /** The undos mailed to {@code oldEmail} (matched without regard to case), expired or not, newest first. */
    List<EmailChangeUndo> findUndosTo(EmailAddress oldEmail);

    /**
     * Counts one try against the undo, as one conditional update: succeeds only while it is stored
     * and has had fewer than {@code maxAttempts} tries.
     */
    boolean claimUndoAttempt(UUID undoId, int maxAttempts);

    /** Removes every undo of the user (an undo spends them all); returns how many this call removed. */
    int removeUndosOf(UserId userId);

    /**
     * Deletes the requests and undos that expired at or before {@code cutoff}. Safe to run
     * concurrently with itself.
     *
     * @return how many this call deleted
     */
    int purgeExpiredBefore(Instant cutoff);
}

package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.OneTimeCode;
import dev.stockroom.core.account.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

public interface OneTimeCodeRepository {

    /** Stores {@code code} and removes every other code of the same user and purpose. */
    void replace(OneTimeCode code);

    /** The current code of this user and purpose, used or not, expired or not. */
    Optional<OneTimeCode> findCurrent(UserId userId, CodePurpose purpose);

    /**
     * Counts one try against the code, as one conditional update: succeeds only while the code is
     * unused and has had fewer than {@code maxAttempts} tries.
     */
    boolean claimAttempt(UUID codeId, int maxAttempts);

    /** Marks the code used; true only for the one call that found it unused. */
    boolean markUsed(UUID codeId, Instant now);

    /**
     * Deletes the codes that were used, or expired, at or before {@code cutoff}. Safe to run
     * concurrently with itself.
     *
     * @return how many codes this call deleted
     */
    int purgeEndedBefore(Instant cutoff);
}

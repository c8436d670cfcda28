package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Device tokens (the OWASP "device cookie"): a login hands one out, and a client that sends it back
 * on its next login has its wrong passwords counted apart from everyone else's, so a stranger's
 * guessing never slows the owner's own device. Stored by the SHA-256 of the token only. A token is
 * used once (each login replaces it), so its last use is when it was handed out.
 */
public interface TrustedDevices {

    /** Stores a new token's hash for the user. */
    void add(String hash, UserId user, Instant now);

    /** The user the token was handed to, when it is stored and was last used at or after {@code usedSince}. */
    Optional<UserId> ownerOf(String hash, Instant usedSince);

    /** Forgets one token; true when this call removed it (of concurrent calls, one). */
    boolean remove(String hash);

    /** The hashes of the user's tokens, for clearing what is counted against them. */
    List<String> hashesOf(UserId user);

    /**
     * Forgets all but the user's {@code max} newest tokens (ties by hash), so that a client that
     * never sends its token back cannot grow the table by a row per login.
     *
     * @return how many this call forgot
     */
    int keepNewest(UserId user, int max);

    /** Forgets every token of the user; returns how many. */
    int removeAllOf(UserId user);

    /**
     * Deletes the tokens last used before {@code cutoff}. Safe to run concurrently with itself.
     *
     * @return how many this call deleted
     */
    int purgeUnusedSince(Instant cutoff);
}

package dev.stockroom.core.account.port.out;

import dev.stockroom.core.account.domain.MfaChallenge;
import dev.stockroom.core.account.domain.SecondFactor;
import dev.stockroom.core.account.domain.TotpSecret;
import dev.stockroom.core.account.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users' TOTP factors, their recovery codes (hashes only) and the challenges of logins that still
 * owe a code. Every method that spends something is one atomic step, so that of concurrent uses
 * of one code, step or try exactly one wins.
 */
public interface SecondFactorRepository {

    Optional<SecondFactor> find(UserId user);

    /**
     * Stores a pending factor for the user, replacing a pending one; never an enabled one.
     *
     * @return false, storing nothing, when the user's factor is enabled
     */
    boolean putPending(SecondFactor pending);

    /**
     * Enables the user's pending factor with that secret, counting {@code step} as used, and
     * replaces the user's recovery codes with {@code recoveryCodeHashes}.
     *
     * @return false, changing nothing, when there is no pending factor with that secret (none, a
     *     newer one, or already enabled)
     */
    boolean enable(UserId user, TotpSecret secret, long step, Instant now, List<String> recoveryCodeHashes);

    /**
     * Spends the time step of an accepted code of the user's enabled factor.
     *
     * @return false when the factor is not enabled or a code of this step or a later one was accepted already
     */
    boolean useStep(UserId user, long step);

    /** Returns true for the one call that spends an unused recovery code of the user's with this hash. */
    boolean spendRecoveryCode(UserId user, String codeHash, Instant now);

    /** How many of the user's recovery codes are still unused. */
    int recoveryCodesLeft(UserId user);

    /**
     * Forgets the user's factor, its recovery codes and the user's challenges.
     *
     * @return whether there was a factor (pending or enabled)
     */
    boolean remove(UserId user);

    void addChallenge(MfaChallenge challenge);

    Optional<MfaChallenge> findChallenge(String tokenHash);

    /**
     * Takes one try of a live challenge.
     *
     * @return false when the challenge is unknown, expired at {@code now} or has no tries left
     */
    boolean takeTry(String tokenHash, Instant now);

    /** Returns true for the one call that removes the challenge (the login it belongs to completes once). */
    boolean removeChallenge(String tokenHash);

    /**
     * Deletes the challenges expired at {@code now} (their {@code expiresAt} not after it).
     *
     * @return how many
     */
    int purgeExpiredChallenges(Instant now);
}

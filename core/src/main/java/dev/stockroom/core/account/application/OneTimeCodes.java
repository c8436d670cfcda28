package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.OneTimeCode;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of emailed six-digit codes, shared by email verification and password reset: issue
 * (replacing the previous code), cooldown, and checking a typed code against the stored hash.
 */
final class OneTimeCodes {
    private static final int CODE_SPACE = 1_000_000;

    private final OneTimeCodeRepository codes;
    private final AccountPolicy policy;
    private final SecureRandom random;

    OneTimeCodes(OneTimeCodeRepository codes, AccountPolicy policy, SecureRandom random) {
        this.codes = codes;
        this.policy = policy;
        this.random = random;
    }

    /** Stores a fresh code (the previous one of this purpose stops working) and returns it in clear, for the mail. */
    String issue(UserId userId, CodePurpose purpose, Instant now) {
        String code = String.format("%06d", random.nextInt(CODE_SPACE));
        codes.replace(new OneTimeCode(
                UUID.randomUUID(),
                userId,
                purpose,
                hash(userId, purpose, code),
                now,
                now.plus(policy.codeLifetime()),
                0,
                null));
        return code;
    }

    /** Spends the same work as {@link #issue} without storing anything, for answers that must not differ. */
    void issueNothing(UserId someone, CodePurpose purpose) {
        hash(someone, purpose, String.format("%06d", random.nextInt(CODE_SPACE)));
    }

    /** How long until another code of this purpose may be sent; empty when one may be sent now. */
    Optional<Duration> cooldownLeft(UserId userId, CodePurpose purpose, Instant now) {
        return codes.findCurrent(userId, purpose)
                .map(current -> Duration.between(now, current.createdAt().plus(policy.resendCooldown())))
                .filter(left -> !left.isNegative() && !left.isZero());
    }

    /**
     * Checks a typed code. The try is counted (a committed, conditional update) before the
     * comparison, so neither a failure later on nor concurrent guesses can exceed the limit;
     * callers must therefore not run this inside a transaction that a wrong code rolls back.
     *
     * @return the matching code, still to be consumed with {@link #consume}
     */
    OneTimeCode check(UserId userId, CodePurpose purpose, String typed, Instant now) {
        OneTimeCode current = codes.findCurrent(userId, purpose).orElseThrow(AccountFailure.WrongCode::new);
        if (current.isUsed()) {
            throw new AccountFailure.WrongCode();
        }
        if (current.isExpired(now)) {
            throw new AccountFailure.CodeExpired();
        }
        if (!codes.claimAttempt(current.id(), policy.maxCodeAttempts())) {
            throw new AccountFailure.TooManyAttempts();
        }
        if (!Digests.sameDigest(hash(userId, purpose, typed), current.codeHash())) {
            throw new AccountFailure.WrongCode();
        }
        return current;
    }

    /** Marks a checked code used; only one of several concurrent consumers wins. */
    void consume(OneTimeCode code, Instant now) {
        if (!codes.markUsed(code.id(), now)) {
            throw new AccountFailure.WrongCode();
        }
    }

    private static String hash(UserId userId, CodePurpose purpose, String code) {
        return Digests.sha256Hex(userId + ":" + purpose + ":" + code);
    }
}

package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.MfaChallenge;
import dev.stockroom.core.account.domain.SecondFactor;
import dev.stockroom.core.account.domain.TotpSecret;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.SecondFactorRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link SecondFactorRepository} in memory. */
public final class InMemorySecondFactors implements SecondFactorRepository, InMemoryTransactions.Participant {
    private final Guarded guard;
    private State state = new State(new HashMap<>(), new HashMap<>(), new HashMap<>());

    /** A store of its own, outside any transaction. */
    public InMemorySecondFactors() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemorySecondFactors(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public Optional<SecondFactor> find(UserId user) {
        return guard.get(() -> Optional.ofNullable(state.factors.get(user)));
    }

    @Override
    public boolean putPending(SecondFactor pending) {
        Objects.requireNonNull(pending, "pending");
        if (pending.isEnabled()) {
            throw new IllegalArgumentException("not a pending factor");
        }
        return guard.get(() -> {
            SecondFactor stored = state.factors.get(pending.user());
            if (stored != null && stored.isEnabled()) {
                return false;
            }
            state.factors.put(pending.user(), pending);
            return true;
        });
    }

    @Override
    public boolean enable(UserId user, TotpSecret secret, long step, Instant now, List<String> recoveryCodeHashes) {
        Objects.requireNonNull(now, "now");
        List<String> hashes = List.copyOf(recoveryCodeHashes);
        return guard.get(() -> {
            SecondFactor stored = state.factors.get(user);
            if (stored == null || stored.isEnabled() || !stored.secret().equals(secret)) {
                return false;
            }
            state.factors.put(
                    user, new SecondFactor(user, stored.secret(), stored.createdAt(), Optional.of(now), step));
            Map<String, Instant> codes = new HashMap<>();
            hashes.forEach(hash -> codes.put(hash, null));
            state.recoveryCodes.put(user, codes);
            return true;
        });
    }

    @Override
    public boolean useStep(UserId user, long step) {
        return guard.get(() -> {
            SecondFactor stored = state.factors.get(user);
            if (stored == null || !stored.isEnabled() || stored.lastUsedStep() >= step) {
                return false;
            }
            state.factors.put(
                    user, new SecondFactor(user, stored.secret(), stored.createdAt(), stored.enabledAt(), step));
            return true;
        });
    }

    @Override
    public boolean spendRecoveryCode(UserId user, String codeHash, Instant now) {
        Objects.requireNonNull(now, "now");
        return guard.get(() -> {
            Map<String, Instant> codes = state.recoveryCodes.get(user);
            if (codes == null || !codes.containsKey(codeHash) || codes.get(codeHash) != null) {
                return false;
            }
            codes.put(codeHash, now);
            return true;
        });
    }

    @Override
    public int recoveryCodesLeft(UserId user) {
        return guard.get(() -> (int) state.recoveryCodes.getOrDefault(user, Map.of()).values().stream()
                .filter(Objects::isNull)
                .count());
    }

    @Override
    public boolean remove(UserId user) {
        return guard.get(() -> {
            state.recoveryCodes.remove(user);
            state.challenges.values().removeIf(c -> c.user().equals(user));
            return state.factors.remove(user) != null;
        });
    }

    @Override
    public void addChallenge(MfaChallenge challenge) {
        Objects.requireNonNull(challenge, "challenge");
        guard.run(() -> {
            if (state.challenges.putIfAbsent(challenge.tokenHash(), challenge) != null) {
                throw new IllegalStateException("challenge already stored");
            }
        });
    }

    @Override
    public Optional<MfaChallenge> findChallenge(String tokenHash) {
        return guard.get(() -> Optional.ofNullable(state.challenges.get(tokenHash)));
    }

    @Override
    public boolean takeTry(String tokenHash, Instant now) {
        return guard.get(() -> {
            MfaChallenge c = state.challenges.get(tokenHash);
            if (c == null || c.isExpired(now) || c.triesLeft() == 0) {
                return false;
            }
            state.challenges.put(
                    tokenHash,
                    new MfaChallenge(
                            c.tokenHash(), c.user(), c.createdAt(), c.expiresAt(), c.triesLeft() - 1, c.deviceHash()));
            return true;
        });
    }

    @Override
    public boolean removeChallenge(String tokenHash) {
        return guard.get(() -> state.challenges.remove(tokenHash) != null);
    }

    @Override
    public int purgeExpiredChallenges(Instant now) {
        return guard.get(() -> {
            int before = state.challenges.size();
            state.challenges.values().removeIf(c -> c.isExpired(now));
            return before - state.challenges.size();
        });
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            State saved = state.copy();
            return () -> guard.run(() -> state = saved);
        });
    }

    private record State(
            Map<UserId, SecondFactor> factors,
            Map<UserId, Map<String, Instant>> recoveryCodes,
            Map<String, MfaChallenge> challenges) {
        State copy() {
            Map<UserId, Map<String, Instant>> codes = new HashMap<>();
            recoveryCodes.forEach((user, hashes) -> codes.put(user, new HashMap<>(hashes)));
            return new State(new HashMap<>(factors), codes, new HashMap<>(challenges));
        }
    }
}

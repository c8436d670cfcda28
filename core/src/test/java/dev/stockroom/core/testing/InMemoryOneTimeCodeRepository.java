package dev.stockroom.core.testing;

import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.OneTimeCode;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** {@link OneTimeCodeRepository} in memory: at most one code per user and purpose, as {@link #replace} promises. */
public final class InMemoryOneTimeCodeRepository implements OneTimeCodeRepository, InMemoryTransactions.Participant {
    private final Guarded guard;
    private Map<UUID, OneTimeCode> byId = new HashMap<>();

    /** A store of its own, outside any transaction. */
    public InMemoryOneTimeCodeRepository() {
        this(null);
    }

    /** A store that {@code transactions} rolls back. */
    public InMemoryOneTimeCodeRepository(InMemoryTransactions transactions) {
        this.guard = new Guarded(transactions, this);
    }

    @Override
    public void replace(OneTimeCode code) {
        Objects.requireNonNull(code, "code");
        guard.run(() -> {
            byId.values().removeIf(c -> c.userId().equals(code.userId()) && c.purpose() == code.purpose());
            byId.put(code.id(), code);
        });
    }

    @Override
    public Optional<OneTimeCode> findCurrent(UserId userId, CodePurpose purpose) {
        return guard.get(() -> byId.values().stream()
                .filter(c -> c.userId().equals(userId) && c.purpose() == purpose)
                .findFirst());
    }

    @Override
    public boolean claimAttempt(UUID codeId, int maxAttempts) {
        return guard.get(() -> {
            OneTimeCode c = byId.get(codeId);
            if (c == null || c.isUsed() || c.attempts() >= maxAttempts) {
                return false;
            }
            byId.put(
                    codeId,
                    new OneTimeCode(
                            c.id(),
                            c.userId(),
                            c.purpose(),
                            c.codeHash(),
                            c.createdAt(),
                            c.expiresAt(),
                            c.attempts() + 1,
                            null));
            return true;
        });
    }

    @Override
    public boolean markUsed(UUID codeId, Instant now) {
        return guard.get(() -> {
            OneTimeCode c = byId.get(codeId);
            if (c == null || c.isUsed()) {
                return false;
            }
            byId.put(
                    codeId,
                    new OneTimeCode(
                            c.id(),
                            c.userId(),
                            c.purpose(),
                            c.codeHash(),
                            c.createdAt(),
                            c.expiresAt(),
                            c.attempts(),
                            now));
            return true;
        });
    }

    @Override
    public int purgeEndedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return guard.get(() -> {
            int before = byId.size();
            byId.values()
                    .removeIf(c -> !c.expiresAt().isAfter(cutoff)
                            || (c.isUsed() && !c.usedAt().isAfter(cutoff)));
            return before - byId.size();
        });
    }

    @Override
    public Runnable snapshot() {
        return guard.get(() -> {
            Map<UUID, OneTimeCode> saved = new HashMap<>(byId);
            return () -> guard.run(() -> byId = saved);
        });
    }
}

package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.newUser;
import static dev.stockroom.core.contract.Samples.pastDay;
import static dev.stockroom.core.contract.Samples.tokenHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.MfaChallenge;
import dev.stockroom.core.account.domain.SecondFactor;
import dev.stockroom.core.account.domain.TotpSecret;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.SecondFactorRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SecondFactorRepository} must do. Factors belong to stored users (a database
 * may enforce it), so the contract also asks for the {@link UserRepository} of the same store.
 */
public abstract class SecondFactorRepositoryContract {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration MICRO = Duration.ofNanos(1_000);

    protected abstract SecondFactorRepository factors();

    protected abstract UserRepository users();

    @Test
    void stores_a_pending_factor_and_replaces_it_while_it_is_pending() {
        UserId user = storedUser();
        TotpSecret first = TotpSecret.generate(RANDOM);
        TotpSecret second = TotpSecret.generate(RANDOM);

        assertThat(factors().find(user)).isEmpty();
        assertThat(factors().putPending(SecondFactor.pending(user, first, T0))).isTrue();
        assertThat(factors().find(user)).contains(SecondFactor.pending(user, first, T0));

        assertThat(factors().putPending(SecondFactor.pending(user, second, T0.plusSeconds(1))))
                .isTrue();
        assertThat(factors().find(user)).contains(SecondFactor.pending(user, second, T0.plusSeconds(1)));
    }

    @Test
    void enables_only_the_pending_factor_with_that_secret_and_never_replaces_it() {
        UserId user = storedUser();
        TotpSecret secret = TotpSecret.generate(RANDOM);
        factors().putPending(SecondFactor.pending(user, secret, T0));

        assertThat(factors().enable(user, TotpSecret.generate(RANDOM), 100, T0, hashes(10)))
                .isFalse();
        assertThat(factors().enable(user, secret, 100, T0.plusSeconds(5), hashes(10)))
                .isTrue();
        assertThat(factors().enable(user, secret, 101, T0.plusSeconds(6), hashes(10)))
                .isFalse();

        assertThat(factors().find(user))
                .contains(new SecondFactor(user, secret, T0, Optional.of(T0.plusSeconds(5)), 100));
        assertThat(factors().putPending(SecondFactor.pending(user, TotpSecret.generate(RANDOM), T0)))
                .isFalse();
        assertThat(factors().find(user).orElseThrow().secret()).isEqualTo(secret);
        assertThat(factors().recoveryCodesLeft(user)).isEqualTo(10);
    }

    @Test
    void enables_nothing_for_a_user_without_a_pending_factor() {
        UserId user = storedUser();

        assertThat(factors().enable(user, TotpSecret.generate(RANDOM), 1, T0, hashes(2)))
                .isFalse();
        assertThat(factors().find(user)).isEmpty();
        assertThat(factors().recoveryCodesLeft(user)).isZero();
    }

    @Test
    void spends_each_time_step_once_and_never_an_earlier_one() {
        UserId user = enabledUser(100, hashes(1));

        assertThat(factors().useStep(user, 100)).isFalse();
        assertThat(factors().useStep(user, 99)).isFalse();
        assertThat(factors().useStep(user, 101)).isTrue();
        assertThat(factors().useStep(user, 101)).isFalse();
        assertThat(factors().useStep(user, 103)).isTrue();
        assertThat(factors().useStep(user, 102)).isFalse();

        assertThat(factors().find(user).orElseThrow().lastUsedStep()).isEqualTo(103);
    }

    @Test
    void spends_no_step_of_a_pending_factor() {
        UserId user = storedUser();
        factors().putPending(SecondFactor.pending(user, TotpSecret.generate(RANDOM), T0));

        assertThat(factors().useStep(user, 5)).isFalse();
        assertThat(factors().useStep(storedUser(), 5)).isFalse();
    }

    @Test
    void lets_exactly_one_of_several_concurrent_uses_of_one_step_win() throws Exception {
        UserId user = enabledUser(100, hashes(1));

        List<Boolean> used = Race.run(8, () -> factors().useStep(user, 101));

        assertThat(used).containsOnlyOnce(true).hasSize(8);
    }

    @Test
    void spends_a_recovery_code_of_its_own_user_once() {
        List<String> codes = hashes(3);
        UserId user = enabledUser(1, codes);
        UserId someoneElse = enabledUser(1, hashes(3));

        assertThat(factors().spendRecoveryCode(someoneElse, codes.get(0), T0)).isFalse();
        assertThat(factors().spendRecoveryCode(user, codes.get(0), T0)).isTrue();
        assertThat(factors().spendRecoveryCode(user, codes.get(0), T0)).isFalse();
        assertThat(factors().spendRecoveryCode(user, tokenHash(), T0)).isFalse();

        assertThat(factors().recoveryCodesLeft(user)).isEqualTo(2);
        assertThat(factors().recoveryCodesLeft(someoneElse)).isEqualTo(3);
    }

    @Test
    void lets_exactly_one_of_several_concurrent_spends_of_one_recovery_code_win() throws Exception {
        List<String> codes = hashes(2);
        UserId user = enabledUser(1, codes);

        List<Boolean> spent = Race.run(8, () -> factors().spendRecoveryCode(user, codes.get(1), T0));

        assertThat(spent).containsOnlyOnce(true).hasSize(8);
        assertThat(factors().recoveryCodesLeft(user)).isEqualTo(1);
    }

    @Test
    void removes_the_factor_its_recovery_codes_and_challenges_of_one_user() {
        List<String> codes = hashes(2);
        UserId user = enabledUser(1, codes);
        UserId someoneElse = enabledUser(1, hashes(2));
        MfaChallenge mine = challenge(user, T0, 5, Optional.empty());
        MfaChallenge theirs = challenge(someoneElse, T0, 5, Optional.empty());
        factors().addChallenge(mine);
        factors().addChallenge(theirs);

        assertThat(factors().remove(user)).isTrue();
        assertThat(factors().remove(user)).isFalse();

        assertThat(factors().find(user)).isEmpty();
        assertThat(factors().recoveryCodesLeft(user)).isZero();
        assertThat(factors().spendRecoveryCode(user, codes.get(0), T0)).isFalse();
        assertThat(factors().findChallenge(mine.tokenHash())).isEmpty();
        assertThat(factors().findChallenge(theirs.tokenHash())).contains(theirs);
        assertThat(factors().find(someoneElse)).isPresent();
    }

    @Test
    void enabling_again_after_removal_keeps_only_the_new_recovery_codes() {
        List<String> old = hashes(2);
        UserId user = enabledUser(1, old);
        factors().remove(user);
        TotpSecret secret = TotpSecret.generate(RANDOM);
        factors().putPending(SecondFactor.pending(user, secret, T0));
        List<String> fresh = hashes(2);

        assertThat(factors().enable(user, secret, 7, T0, fresh)).isTrue();

        assertThat(factors().spendRecoveryCode(user, old.get(0), T0)).isFalse();
        assertThat(factors().spendRecoveryCode(user, fresh.get(0), T0)).isTrue();
        assertThat(factors().find(user).orElseThrow().lastUsedStep()).isEqualTo(7);
    }

    @Test
    void stores_and_finds_challenges_with_and_without_a_device() {
        UserId user = storedUser();
        MfaChallenge plain = challenge(user, T0, 5, Optional.empty());
        MfaChallenge withDevice = challenge(user, T0, 3, Optional.of(tokenHash()));

        factors().addChallenge(plain);
        factors().addChallenge(withDevice);

        assertThat(factors().findChallenge(plain.tokenHash())).contains(plain);
        assertThat(factors().findChallenge(withDevice.tokenHash())).contains(withDevice);
        assertThat(factors().findChallenge(tokenHash())).isEmpty();
        assertThatThrownBy(() -> factors().addChallenge(plain)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void takes_the_tries_of_a_live_challenge_until_none_are_left() {
        MfaChallenge c = challenge(storedUser(), T0, 2, Optional.empty());
        factors().addChallenge(c);

        assertThat(factors().takeTry(c.tokenHash(), T0)).isTrue();
        assertThat(factors().findChallenge(c.tokenHash()).orElseThrow().triesLeft())
                .isEqualTo(1);
        assertThat(factors().takeTry(c.tokenHash(), T0)).isTrue();
        assertThat(factors().takeTry(c.tokenHash(), T0)).isFalse();
        assertThat(factors().findChallenge(c.tokenHash()).orElseThrow().triesLeft())
                .isZero();
        assertThat(factors().takeTry(tokenHash(), T0)).isFalse();
    }

    @Test
    void takes_no_try_of_an_expired_challenge() {
        MfaChallenge c = challenge(storedUser(), T0, 5, Optional.empty());
        factors().addChallenge(c);

        assertThat(factors().takeTry(c.tokenHash(), c.expiresAt())).isFalse();
        assertThat(factors().takeTry(c.tokenHash(), c.expiresAt().minus(MICRO))).isTrue();
    }

    @Test
    void hands_out_no_more_tries_than_a_challenge_has_to_concurrent_takers() throws Exception {
        MfaChallenge c = challenge(storedUser(), T0, 3, Optional.empty());
        factors().addChallenge(c);

        List<Boolean> taken = Race.run(8, () -> factors().takeTry(c.tokenHash(), T0));

        assertThat(taken.stream().filter(Boolean::booleanValue).count()).isEqualTo(3);
    }

    @Test
    void removes_a_challenge_once() throws Exception {
        MfaChallenge c = challenge(storedUser(), T0, 3, Optional.empty());
        factors().addChallenge(c);

        List<Boolean> removed = Race.run(4, () -> factors().removeChallenge(c.tokenHash()));

        assertThat(removed).containsOnlyOnce(true);
        assertThat(factors().findChallenge(c.tokenHash())).isEmpty();
    }

    @Test
    void purges_the_challenges_expired_at_the_cutoff() {
        Instant day = pastDay();
        UserId user = storedUser();
        MfaChallenge longAgo = challenge(user, day, 5, Optional.empty());
        MfaChallenge atCutoff = challenge(user, day.plus(Duration.ofHours(1)), 5, Optional.empty());
        MfaChallenge live = challenge(user, day.plus(Duration.ofHours(1)).plus(MICRO), 5, Optional.empty());
        Instant cutoff = atCutoff.expiresAt();
        factors().addChallenge(longAgo);
        factors().addChallenge(atCutoff);
        factors().addChallenge(live);

        assertThat(factors().purgeExpiredChallenges(cutoff)).isEqualTo(2);
        assertThat(factors().purgeExpiredChallenges(cutoff)).isZero();

        assertThat(factors().findChallenge(live.tokenHash())).contains(live);
        assertThat(factors().findChallenge(longAgo.tokenHash())).isEmpty();
    }

    private static MfaChallenge challenge(UserId user, Instant createdAt, int tries, Optional<String> device) {
        return new MfaChallenge(tokenHash(), user, createdAt, createdAt.plus(Duration.ofMinutes(5)), tries, device);
    }

    private static List<String> hashes(int count) {
        return IntStream.range(0, count).mapToObj(i -> tokenHash()).toList();
    }

    private UserId enabledUser(long step, List<String> recoveryCodeHashes) {
        UserId user = storedUser();
        TotpSecret secret = TotpSecret.generate(RANDOM);
        factors().putPending(SecondFactor.pending(user, secret, T0));
        factors().enable(user, secret, step, T0, recoveryCodeHashes);
        return user;
    }

    private UserId storedUser() {
        User user = newUser();
        users().add(user);
        return user.id();
    }
}

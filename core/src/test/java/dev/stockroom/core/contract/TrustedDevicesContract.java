package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.newUser;
import static dev.stockroom.core.contract.Samples.pastDay;
import static dev.stockroom.core.contract.Samples.tokenHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.TrustedDevices;
import dev.stockroom.core.account.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TrustedDevices} must do. Tokens belong to stored users (a database may enforce
 * it), so the contract also asks for the {@link UserRepository} of the same store. Hashes are
 * unique per test, as a shared database needs.
 */
public abstract class TrustedDevicesContract {
    private static final Duration MICRO = Duration.ofNanos(1_000);

    protected abstract TrustedDevices devices();

    protected abstract UserRepository users();

    @Test
    void tells_the_owner_of_a_token_used_since_the_given_time() {
        UserId owner = storedUser();
        String hash = tokenHash();

        devices().add(hash, owner, T0);

        assertThat(devices().ownerOf(hash, T0.minus(Duration.ofDays(30)))).contains(owner);
        assertThat(devices().ownerOf(hash, T0)).contains(owner);
        assertThat(devices().ownerOf(hash, T0.plus(MICRO))).isEmpty();
    }

    @Test
    void knows_no_owner_of_an_unknown_token() {
        assertThat(devices().ownerOf(tokenHash(), T0.minus(Duration.ofDays(365))))
                .isEmpty();
    }

    @Test
    void refuses_a_hash_it_already_stores_and_keeps_its_owner() {
        UserId owner = storedUser();
        String hash = tokenHash();
        devices().add(hash, owner, T0);

        assertThatThrownBy(() -> devices().add(hash, storedUser(), T0.plusSeconds(1)))
                .isInstanceOf(RuntimeException.class);

        assertThat(devices().ownerOf(hash, T0)).contains(owner);
        assertThat(devices().hashesOf(owner)).containsExactly(hash);
    }

    @Test
    void removes_a_token_once() {
        UserId owner = storedUser();
        String hash = tokenHash();
        String other = tokenHash();
        devices().add(hash, owner, T0);
        devices().add(other, owner, T0);

        assertThat(devices().remove(hash)).isTrue();
        assertThat(devices().remove(hash)).isFalse();

        assertThat(devices().ownerOf(hash, T0)).isEmpty();
        assertThat(devices().ownerOf(other, T0)).contains(owner);
        assertThat(devices().remove(tokenHash())).isFalse();
    }

    @Test
    void lets_exactly_one_of_several_concurrent_removals_of_one_token_win() throws Exception {
        String hash = tokenHash();
        devices().add(hash, storedUser(), T0);

        List<Boolean> removed = Race.run(8, () -> devices().remove(hash));

        assertThat(removed).containsOnlyOnce(true).hasSize(8);
    }

    @Test
    void lists_the_hashes_of_one_user_only() {
        UserId owner = storedUser();
        UserId someoneElse = storedUser();
        List<String> mine = List.of(tokenHash(), tokenHash(), tokenHash());
        mine.forEach(hash -> devices().add(hash, owner, T0));
        devices().add(tokenHash(), someoneElse, T0);

        assertThat(devices().hashesOf(owner)).containsExactlyInAnyOrderElementsOf(mine);
        assertThat(devices().hashesOf(storedUser())).isEmpty();
    }

    @Test
    void keeps_only_the_newest_tokens_of_one_user() {
        UserId owner = storedUser();
        UserId someoneElse = storedUser();
        List<String> mine = List.of(tokenHash(), tokenHash(), tokenHash(), tokenHash());
        for (int i = 0; i < mine.size(); i++) {
            devices().add(mine.get(i), owner, T0.plusSeconds(i));
        }
        String theirs = tokenHash();
        devices().add(theirs, someoneElse, T0);

        assertThat(devices().keepNewest(owner, 2)).isEqualTo(2);
        assertThat(devices().keepNewest(owner, 2)).isZero();

        assertThat(devices().hashesOf(owner)).containsExactlyInAnyOrder(mine.get(2), mine.get(3));
        assertThat(devices().ownerOf(theirs, T0)).contains(someoneElse);
        assertThat(devices().keepNewest(owner, 0)).isEqualTo(2);
        assertThat(devices().hashesOf(owner)).isEmpty();
    }

    @Test
    void removes_every_token_of_one_user_and_counts_them() {
        UserId owner = storedUser();
        UserId someoneElse = storedUser();
        List<String> mine = List.of(tokenHash(), tokenHash(), tokenHash());
        mine.forEach(hash -> devices().add(hash, owner, T0));
        String theirs = tokenHash();
        devices().add(theirs, someoneElse, T0);

        assertThat(devices().removeAllOf(owner)).isEqualTo(3);
        assertThat(devices().removeAllOf(owner)).isZero();

        assertThat(devices().hashesOf(owner)).isEmpty();
        mine.forEach(hash -> assertThat(devices().ownerOf(hash, T0)).isEmpty());
        assertThat(devices().ownerOf(theirs, T0)).contains(someoneElse);
    }

    @Test
    void purges_the_tokens_last_used_before_the_cutoff() {
        Instant day = pastDay();
        Instant cutoff = day.plus(Duration.ofHours(1));
        UserId owner = storedUser();
        String longAgo = tokenHash();
        String justBefore = tokenHash();
        String atCutoff = tokenHash();
        String after = tokenHash();
        devices().add(longAgo, owner, day);
        devices().add(justBefore, owner, cutoff.minus(MICRO));
        devices().add(atCutoff, owner, cutoff);
        devices().add(after, owner, cutoff.plus(MICRO));

        assertThat(devices().purgeUnusedSince(cutoff)).isEqualTo(2);
        assertThat(devices().purgeUnusedSince(cutoff)).isZero();

        assertThat(devices().hashesOf(owner)).containsExactlyInAnyOrder(atCutoff, after);
        assertThat(devices().ownerOf(atCutoff, cutoff)).contains(owner);
    }

    @Test
    void concurrent_purges_delete_each_token_once() throws Exception {
        Instant day = pastDay();
        UserId owner = storedUser();
        for (int i = 0; i < 5; i++) {
            devices().add(tokenHash(), owner, day);
        }

        List<Integer> purged = Race.run(4, () -> devices().purgeUnusedSince(day.plusSeconds(1)));

        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }

    private UserId storedUser() {
        User user = newUser();
        users().add(user);
        return user.id();
    }
}

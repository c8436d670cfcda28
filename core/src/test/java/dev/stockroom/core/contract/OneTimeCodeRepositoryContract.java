package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.newCode;
import static dev.stockroom.core.contract.Samples.newUser;
import static dev.stockroom.core.contract.Samples.pastDay;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.OneTimeCode;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.OneTimeCodeRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OneTimeCodeRepository} must do. Codes belong to stored users (a database may
 * enforce it), so the contract also asks for the {@link UserRepository} of the same store.
 */
public abstract class OneTimeCodeRepositoryContract {

    protected abstract OneTimeCodeRepository codes();

    protected abstract UserRepository users();

    @Test
    void gives_back_every_field_of_a_stored_code() {
        OneTimeCode code = new OneTimeCode(
                UUID.randomUUID(),
                storedUser(),
                CodePurpose.RESET_PASSWORD,
                "$argon2id$v=19$code",
                T0,
                T0.plus(Duration.ofMinutes(10)).plusNanos(3_000),
                2,
                T0.plusSeconds(42));
        codes().replace(code);

        assertThat(codes().findCurrent(code.userId(), CodePurpose.RESET_PASSWORD))
                .contains(code);
    }

    @Test
    void finds_no_code_where_none_was_stored() {
        UserId userId = storedUser();
        codes().replace(newCode(userId, CodePurpose.VERIFY_EMAIL, T0));

        assertThat(codes().findCurrent(userId, CodePurpose.RESET_PASSWORD)).isEmpty();
        assertThat(codes().findCurrent(UserId.random(), CodePurpose.VERIFY_EMAIL))
                .isEmpty();
    }

    @Test
    void replacing_a_code_removes_the_previous_one() {
        UserId userId = storedUser();
        OneTimeCode previous = newCode(userId, CodePurpose.VERIFY_EMAIL, T0);
        OneTimeCode next = newCode(userId, CodePurpose.VERIFY_EMAIL, T0.plusSeconds(61));
        codes().replace(previous);

        codes().replace(next);

        assertThat(codes().findCurrent(userId, CodePurpose.VERIFY_EMAIL)).contains(next);
        assertThat(codes().claimAttempt(previous.id(), 5)).isFalse();
        assertThat(codes().markUsed(previous.id(), T0.plusSeconds(62))).isFalse();
    }

    @Test
    void replacing_keeps_codes_of_another_purpose_and_another_user() {
        UserId userId = storedUser();
        UserId otherUser = storedUser();
        OneTimeCode reset = newCode(userId, CodePurpose.RESET_PASSWORD, T0);
        OneTimeCode othersCode = newCode(otherUser, CodePurpose.VERIFY_EMAIL, T0);
        codes().replace(reset);
        codes().replace(othersCode);

        codes().replace(newCode(userId, CodePurpose.VERIFY_EMAIL, T0.plusSeconds(1)));

        assertThat(codes().findCurrent(userId, CodePurpose.RESET_PASSWORD)).contains(reset);
        assertThat(codes().findCurrent(otherUser, CodePurpose.VERIFY_EMAIL)).contains(othersCode);
    }

    @Test
    void counts_attempts_up_to_the_limit() {
        OneTimeCode code = storedCode();

        assertThat(codes().claimAttempt(code.id(), 3)).isTrue();
        assertThat(codes().claimAttempt(code.id(), 3)).isTrue();
        assertThat(codes().claimAttempt(code.id(), 3)).isTrue();
        assertThat(codes().claimAttempt(code.id(), 3)).isFalse();

        assertThat(current(code).attempts()).isEqualTo(3);
    }

    @Test
    void allows_no_attempt_on_a_used_code() {
        OneTimeCode code = storedCode();
        codes().markUsed(code.id(), T0.plusSeconds(1));

        assertThat(codes().claimAttempt(code.id(), 5)).isFalse();
        assertThat(current(code).attempts()).isZero();
    }

    @Test
    void allows_no_attempt_on_an_unknown_code() {
        assertThat(codes().claimAttempt(UUID.randomUUID(), 5)).isFalse();
    }

    @Test
    void grants_exactly_the_allowed_attempts_to_concurrent_claims() throws Exception {
        OneTimeCode code = storedCode();

        List<Boolean> claims = Race.run(8, () -> codes().claimAttempt(code.id(), 5));

        assertThat(claims).filteredOn(Boolean::booleanValue).hasSize(5);
        assertThat(current(code).attempts()).isEqualTo(5);
    }

    @Test
    void marks_a_code_used_once() {
        OneTimeCode code = storedCode();
        Instant now = T0.plusSeconds(30);

        assertThat(codes().markUsed(code.id(), now)).isTrue();
        assertThat(codes().markUsed(code.id(), now.plusSeconds(1))).isFalse();

        OneTimeCode used = current(code);
        assertThat(used.usedAt()).isEqualTo(now);
        assertThat(used.isUsed()).isTrue();
    }

    @Test
    void marks_no_unknown_code_used() {
        assertThat(codes().markUsed(UUID.randomUUID(), T0)).isFalse();
    }

    @Test
    void lets_exactly_one_of_several_concurrent_uses_win() throws Exception {
        OneTimeCode code = storedCode();

        List<Boolean> used = Race.run(8, () -> codes().markUsed(code.id(), T0.plusSeconds(3)));

        assertThat(used).containsOnlyOnce(true).hasSize(8);
    }

    @Test
    void purges_the_codes_used_or_expired_up_to_the_cutoff() {
        Instant day = pastDay();
        Instant cutoff = day.plusSeconds(3600);
        Instant later = cutoff.plusNanos(1_000);
        OneTimeCode expiredAtCutoff = storedCode(day, cutoff, null);
        OneTimeCode usedAtCutoff = storedCode(day, later, cutoff);
        OneTimeCode expiringLater = storedCode(day, later, null);
        OneTimeCode usedLater = storedCode(day, later.plusSeconds(60), later);

        assertThat(codes().purgeEndedBefore(cutoff)).isEqualTo(2);

        assertThat(codes().findCurrent(expiredAtCutoff.userId(), expiredAtCutoff.purpose()))
                .isEmpty();
        assertThat(codes().findCurrent(usedAtCutoff.userId(), usedAtCutoff.purpose()))
                .isEmpty();
        assertThat(current(expiringLater)).isEqualTo(expiringLater);
        assertThat(current(usedLater)).isEqualTo(usedLater);
    }

    @Test
    void concurrent_purges_delete_each_code_once() throws Exception {
        Instant day = pastDay();
        Instant cutoff = day.plusSeconds(3600);
        for (int i = 0; i < 5; i++) {
            storedCode(day, cutoff, null);
        }

        List<Integer> purged = Race.run(4, () -> codes().purgeEndedBefore(cutoff));

        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }

    private OneTimeCode storedCode(Instant createdAt, Instant expiresAt, Instant usedAt) {
        OneTimeCode code = new OneTimeCode(
                UUID.randomUUID(),
                storedUser(),
                CodePurpose.RESET_PASSWORD,
                "hash-" + Samples.unique(),
                createdAt,
                expiresAt,
                0,
                usedAt);
        codes().replace(code);
        return code;
    }

    private UserId storedUser() {
        User user = newUser();
        users().add(user);
        return user.id();
    }

    private OneTimeCode storedCode() {
        OneTimeCode code = newCode(storedUser(), CodePurpose.VERIFY_EMAIL, T0);
        codes().replace(code);
        return code;
    }

    private OneTimeCode current(OneTimeCode code) {
        return codes().findCurrent(code.userId(), code.purpose()).orElseThrow();
    }
}

package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.longestOrigin;
import static dev.stockroom.core.contract.Samples.newUser;
import static dev.stockroom.core.contract.Samples.openSession;
import static dev.stockroom.core.contract.Samples.pastDay;
import static dev.stockroom.core.contract.Samples.someOrigin;
import static dev.stockroom.core.contract.Samples.tokenHash;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.RefreshToken;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.out.SessionRepository;
import dev.stockroom.core.account.port.out.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionRepository} must do. Sessions belong to stored users (a database may
 * enforce it), so the contract also asks for the {@link UserRepository} of the same store.
 */
public abstract class SessionRepositoryContract {

    protected abstract SessionRepository sessions();

    protected abstract UserRepository users();

    @Test
    void a_user_with_sessions_and_refresh_tokens_can_be_removed() {
        User user = Samples.newUser();
        users().add(user);
        Session session = Samples.openSession(user.id());
        sessions().add(session);
        sessions().addRefreshToken(new RefreshToken(Samples.tokenHash(), session.id(), Samples.T0, null));

        assertThat(users().remove(user.id())).isTrue();

        assertThat(users().findById(user.id())).isEmpty();
    }

    @Test
    void gives_back_every_field_of_a_stored_session() {
        UserId userId = storedUser();
        Session session = new Session(
                SessionId.random(),
                userId,
                SessionKind.PASSWORD_RESET,
                T0,
                T0.plus(Duration.ofMinutes(10)).plusNanos(1_000),
                T0.plusSeconds(30),
                someOrigin(),
                T0.plusSeconds(20).plusNanos(3_000));
        sessions().add(session);

        Session found = sessions().findById(session.id()).orElseThrow();

        assertThat(found).isEqualTo(session);
        assertThat(found.origin()).isEqualTo(session.origin());
        assertThat(found.lastUsedAt()).isEqualTo(session.lastUsedAt());
    }

    @Test
    void gives_back_an_origin_of_the_longest_length_and_one_with_a_part_unknown() {
        UserId userId = storedUser();
        Session longest = withOrigin(openSession(userId), longestOrigin());
        Session addressOnly = withOrigin(openSession(userId), Origin.of("192.0.2.1", null));
        Session agentOnly = withOrigin(openSession(userId), Origin.of(null, "curl/8.5.0"));
        List.of(longest, addressOnly, agentOnly).forEach(sessions()::add);

        assertThat(sessions().findById(longest.id()).orElseThrow().origin()).isEqualTo(longestOrigin());
        assertThat(sessions().findById(addressOnly.id()).orElseThrow().origin())
                .isEqualTo(new Origin(Optional.of("192.0.2.1"), Optional.empty()));
        assertThat(sessions().findById(agentOnly.id()).orElseThrow().origin())
                .isEqualTo(new Origin(Optional.empty(), Optional.of("curl/8.5.0")));
    }

    @Test
    void gives_back_an_open_session_without_revocation() {
        Session session = openSession(storedUser());
        sessions().add(session);

        Session found = sessions().findById(session.id()).orElseThrow();

        assertThat(found).isEqualTo(session);
        assertThat(found.revokedAt()).isNull();
        assertThat(found.origin()).isEqualTo(Origin.UNKNOWN);
        assertThat(found.lastUsedAt()).isEqualTo(session.createdAt());
    }

    @Test
    void finds_a_session_with_every_field_of_its_owner() {
        User owner = Samples.verifiedAdmin();
        users().add(owner);
        Session session = new Session(
                SessionId.random(),
                owner.id(),
                SessionKind.LOGIN,
                T0,
                T0.plus(Duration.ofDays(30)).plusNanos(1_000),
                null,
                someOrigin(),
                T0.plusSeconds(1));
        sessions().add(session);

        SessionRepository.SessionOwner found =
                sessions().findWithOwner(session.id(), users()).orElseThrow();

        assertThat(found).isEqualTo(new SessionRepository.SessionOwner(session, owner));
        assertThat(found.session().origin()).isEqualTo(session.origin());
        assertThat(found.session().lastUsedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(found.user().isDisabled()).isTrue();
        assertThat(found.user().lastLoginAt()).isEqualTo(owner.lastLoginAt());
    }

    @Test
    void finds_the_owner_as_last_changed_and_the_session_as_last_touched() {
        User owner = newUser();
        users().add(owner);
        Session session = openSession(owner.id());
        sessions().add(session);
        users().recordLogin(owner.id(), T0.plusSeconds(3));
        users().update(owner.withDisabled(true, T0.plusSeconds(4)));
        sessions().touch(session.id(), T0.plusSeconds(5));

        SessionRepository.SessionOwner found =
                sessions().findWithOwner(session.id(), users()).orElseThrow();

        assertThat(found.user())
                .isEqualTo(owner.withDisabled(true, T0.plusSeconds(4)).loggedIn(T0.plusSeconds(3)));
        assertThat(found.session().lastUsedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void moves_the_last_use_forward_only() {
        Session session = openSession(storedUser());
        sessions().add(session);
        Instant later = T0.plusSeconds(60).plusNanos(1_000);

        sessions().touch(session.id(), later);
        assertThat(sessions().findById(session.id())).contains(used(session, later));

        sessions().touch(session.id(), later.minusNanos(1_000));
        sessions().touch(session.id(), T0.minusSeconds(1));
        sessions().touch(session.id(), later);
        assertThat(sessions().findById(session.id())).contains(used(session, later));

        sessions().touch(session.id(), later.plusSeconds(1));
        assertThat(sessions().findById(session.id()).orElseThrow().lastUsedAt()).isEqualTo(later.plusSeconds(1));
    }

    @Test
    void touches_nothing_for_an_unknown_session() {
        SessionId unknown = SessionId.random();

        sessions().touch(unknown, T0);

        assertThat(sessions().findById(unknown)).isEmpty();
    }

    @Test
    void finds_the_live_sessions_of_one_user_and_kind_newest_first_and_those_of_the_same_age_by_id() {
        UserId userId = storedUser();
        Instant now = T0.plus(Duration.ofHours(1));
        Instant far = T0.plus(Duration.ofDays(30));
        Session oldest = stored(userId, SessionKind.LOGIN, T0, far, null);
        Session newest = stored(userId, SessionKind.LOGIN, T0.plusSeconds(30), far, null);
        Instant tie = T0.plusSeconds(10).plusNanos(1_000);
        List<Session> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(stored(userId, SessionKind.LOGIN, tie, far, null));
        }
        Session expiringJustAfter = stored(userId, SessionKind.LOGIN, T0.plusSeconds(1), now.plusNanos(1_000), null);
        stored(userId, SessionKind.LOGIN, T0.plusSeconds(2), now, null);
        stored(userId, SessionKind.LOGIN, T0.plusSeconds(3), far, now);
        stored(userId, SessionKind.LOGIN, T0.plusSeconds(4), far, now.minusSeconds(60));
        Session reset = stored(userId, SessionKind.PASSWORD_RESET, T0.plusSeconds(5), far, null);
        stored(storedUser(), SessionKind.LOGIN, T0.plusSeconds(6), far, null);
        tied.sort(Comparator.comparing(s -> s.id().value().toString()));
        List<Session> expected = new ArrayList<>();
        expected.add(newest);
        expected.addAll(tied);
        expected.add(expiringJustAfter);
        expected.add(oldest);

        assertThat(sessions().findActiveOf(userId, SessionKind.LOGIN, now)).containsExactlyElementsOf(expected);
        assertThat(sessions().findActiveOf(userId, SessionKind.PASSWORD_RESET, now))
                .containsExactly(reset);
        assertThat(sessions().findActiveOf(storedUser(), SessionKind.LOGIN, now))
                .isEmpty();
    }

    @Test
    void finds_a_live_session_with_its_origin_and_last_use() {
        UserId userId = storedUser();
        Session session = withOrigin(openSession(userId), someOrigin());
        sessions().add(session);
        sessions().touch(session.id(), T0.plusSeconds(9));

        assertThat(sessions().findActiveOf(userId, SessionKind.LOGIN, T0.plusSeconds(10)))
                .containsExactly(used(session, T0.plusSeconds(9)));
    }

    @Test
    void finds_a_revoked_session_with_its_owner_too_and_no_unknown_one() {
        Session session = storedSession();
        sessions().revoke(session.id(), T0.plusSeconds(5));

        SessionRepository.SessionOwner found =
                sessions().findWithOwner(session.id(), users()).orElseThrow();

        assertThat(found.session().revokedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(found.user().id()).isEqualTo(session.userId());
        assertThat(sessions().findWithOwner(SessionId.random(), users())).isEmpty();
    }

    @Test
    void finds_no_unknown_session() {
        assertThat(sessions().findById(SessionId.random())).isEmpty();
    }

    @Test
    void revokes_a_session_once() {
        Session session = openSession(storedUser());
        sessions().add(session);
        Instant first = T0.plusSeconds(10);

        assertThat(sessions().revoke(session.id(), first)).isTrue();
        assertThat(sessions().revoke(session.id(), first.plusSeconds(10))).isFalse();

        Session revoked = sessions().findById(session.id()).orElseThrow();
        assertThat(revoked.revokedAt()).isEqualTo(first);
        assertThat(revoked.isActive(first)).isFalse();
    }

    @Test
    void revokes_nothing_for_an_unknown_session() {
        assertThat(sessions().revoke(SessionId.random(), T0)).isFalse();
    }

    @Test
    void revokes_every_open_session_of_one_user_and_counts_them() {
        UserId userId = storedUser();
        Session a = openSession(userId);
        Session b = openSession(userId);
        Session alreadyRevoked = openSession(userId);
        Session someoneElses = openSession(storedUser());
        List.of(a, b, alreadyRevoked, someoneElses).forEach(sessions()::add);
        Instant earlier = T0.plusSeconds(1);
        sessions().revoke(alreadyRevoked.id(), earlier);
        Instant now = T0.plusSeconds(2);

        assertThat(sessions().revokeAllOf(userId, now)).isEqualTo(2);
        assertThat(sessions().revokeAllOf(userId, now.plusSeconds(1))).isZero();

        assertThat(sessions().findById(a.id()).orElseThrow().revokedAt()).isEqualTo(now);
        assertThat(sessions().findById(b.id()).orElseThrow().revokedAt()).isEqualTo(now);
        assertThat(sessions().findById(alreadyRevoked.id()).orElseThrow().revokedAt())
                .isEqualTo(earlier);
        assertThat(sessions().findById(someoneElses.id()).orElseThrow().revokedAt())
                .isNull();
    }

    @Test
    void revokes_nothing_for_a_user_without_sessions() {
        assertThat(sessions().revokeAllOf(storedUser(), T0)).isZero();
    }

    @Test
    void gives_back_every_field_of_a_stored_refresh_token() {
        Session session = storedSession();
        RefreshToken unspent = new RefreshToken(tokenHash(), session.id(), T0.plusNanos(7_000), null);
        RefreshToken spent = new RefreshToken(tokenHash(), session.id(), T0, T0.plusSeconds(90));
        sessions().addRefreshToken(unspent);
        sessions().addRefreshToken(spent);

        assertThat(sessions().findRefreshToken(unspent.hash())).contains(unspent);
        assertThat(sessions().findRefreshToken(spent.hash())).contains(spent);
    }

    @Test
    void finds_no_unknown_refresh_token() {
        assertThat(sessions().findRefreshToken(tokenHash())).isEmpty();
    }

    @Test
    void spends_a_refresh_token_once() {
        RefreshToken token = new RefreshToken(tokenHash(), storedSession().id(), T0, null);
        sessions().addRefreshToken(token);
        Instant now = T0.plusSeconds(60);

        assertThat(sessions().spendRefreshToken(token.hash(), now)).isTrue();
        assertThat(sessions().spendRefreshToken(token.hash(), now.plusSeconds(1)))
                .isFalse();

        assertThat(sessions().findRefreshToken(token.hash()).orElseThrow().spentAt())
                .isEqualTo(now);
    }

    @Test
    void spends_no_unknown_refresh_token() {
        assertThat(sessions().spendRefreshToken(tokenHash(), T0)).isFalse();
    }

    @Test
    void lets_exactly_one_of_several_concurrent_spends_of_one_token_win() throws Exception {
        RefreshToken token = new RefreshToken(tokenHash(), storedSession().id(), T0, null);
        sessions().addRefreshToken(token);

        List<Boolean> spent = Race.run(8, () -> sessions().spendRefreshToken(token.hash(), T0.plusSeconds(5)));

        assertThat(spent).containsOnlyOnce(true).hasSize(8);
        assertThat(sessions().findRefreshToken(token.hash()).orElseThrow().isSpent())
                .isTrue();
    }

    @Test
    void purges_the_tokens_spent_up_to_the_cutoff_and_no_unspent_one() {
        Instant day = pastDay();
        Instant cutoff = day.plusSeconds(3600);
        Session live = storedSession(day, day.plus(Duration.ofDays(30)), null);
        RefreshToken spentAtCutoff = storedToken(live, day, cutoff);
        RefreshToken spentAfter = storedToken(live, day, cutoff.plusNanos(1_000));
        RefreshToken unspent = storedToken(live, day, null);

        assertThat(sessions().purgeSpentRefreshTokens(cutoff)).isEqualTo(1);

        assertThat(sessions().findRefreshToken(spentAtCutoff.hash())).isEmpty();
        assertThat(sessions().findRefreshToken(spentAfter.hash())).contains(spentAfter);
        assertThat(sessions().findRefreshToken(unspent.hash())).contains(unspent);
        assertThat(sessions().findById(live.id())).contains(live);
    }

    @Test
    void purges_the_sessions_that_ended_up_to_the_cutoff_with_all_their_tokens() {
        Instant day = pastDay();
        Instant cutoff = day.plusSeconds(3600);
        Instant later = cutoff.plusNanos(1_000);
        Instant far = day.plus(Duration.ofDays(30));
        Session revokedAtCutoff = storedSession(day, far, cutoff);
        Session expiredAtCutoff = storedSession(day, cutoff, null);
        Session revokedLater = storedSession(day, far, later);
        Session expiringLater = storedSession(day, later, null);
        Session live = storedSession(day, far, null);
        List<RefreshToken> gone = List.of(
                storedToken(revokedAtCutoff, day, null),
                storedToken(revokedAtCutoff, day, day.plusSeconds(1)),
                storedToken(expiredAtCutoff, day, null));
        RefreshToken kept = storedToken(revokedLater, day, null);

        assertThat(sessions().purgeEndedSessions(cutoff)).isEqualTo(2);

        assertThat(sessions().findById(revokedAtCutoff.id())).isEmpty();
        assertThat(sessions().findById(expiredAtCutoff.id())).isEmpty();
        gone.forEach(
                token -> assertThat(sessions().findRefreshToken(token.hash())).isEmpty());
        assertThat(sessions().findById(revokedLater.id())).contains(revokedLater);
        assertThat(sessions().findById(expiringLater.id())).contains(expiringLater);
        assertThat(sessions().findById(live.id())).contains(live);
        assertThat(sessions().findRefreshToken(kept.hash())).contains(kept);
    }

    @Test
    void concurrent_purges_delete_each_ended_session_and_spent_token_once() throws Exception {
        Instant day = pastDay();
        Instant cutoff = day.plusSeconds(3600);
        for (int i = 0; i < 5; i++) {
            storedToken(storedSession(day, cutoff, null), day, null);
            storedToken(storedSession(day, day.plus(Duration.ofDays(30)), null), day, cutoff);
        }

        List<Integer> tokens = Race.run(4, () -> sessions().purgeSpentRefreshTokens(cutoff));
        List<Integer> ended = Race.run(4, () -> sessions().purgeEndedSessions(cutoff));

        assertThat(tokens.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
        assertThat(ended.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }

    private Session stored(UserId userId, SessionKind kind, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        Session session =
                new Session(SessionId.random(), userId, kind, createdAt, expiresAt, revokedAt, someOrigin(), createdAt);
        sessions().add(session);
        return session;
    }

    private static Session withOrigin(Session s, Origin origin) {
        return new Session(
                s.id(), s.userId(), s.kind(), s.createdAt(), s.expiresAt(), s.revokedAt(), origin, s.lastUsedAt());
    }

    private static Session used(Session s, Instant at) {
        return new Session(s.id(), s.userId(), s.kind(), s.createdAt(), s.expiresAt(), s.revokedAt(), s.origin(), at);
    }

    private Session storedSession(Instant createdAt, Instant expiresAt, Instant revokedAt) {
        Session session =
                new Session(SessionId.random(), storedUser(), SessionKind.LOGIN, createdAt, expiresAt, revokedAt);
        sessions().add(session);
        return session;
    }

    private RefreshToken storedToken(Session session, Instant issuedAt, Instant spentAt) {
        RefreshToken token = new RefreshToken(tokenHash(), session.id(), issuedAt, spentAt);
        sessions().addRefreshToken(token);
        return token;
    }

    private UserId storedUser() {
        User user = newUser();
        users().add(user);
        return user.id();
    }

    private Session storedSession() {
        Session session = openSession(storedUser());
        sessions().add(session);
        return session;
    }
}

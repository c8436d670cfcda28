package dev.stockroom.core.contract;

import static dev.stockroom.core.contract.Samples.T0;
import static dev.stockroom.core.contract.Samples.freshDay;
import static dev.stockroom.core.contract.Samples.longestOrigin;
import static dev.stockroom.core.contract.Samples.pastDay;
import static dev.stockroom.core.contract.Samples.someOrigin;
import static dev.stockroom.core.contract.Samples.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.AuditEvent;
import dev.stockroom.core.account.domain.AuditKind;
import dev.stockroom.core.account.domain.AuditQuery;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.out.AuditLog;
import dev.stockroom.core.shared.Page;
import dev.stockroom.core.shared.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditLog} must do. Events need no stored user: the trail outlives accounts.
 * A test keeps to its own events by a user id of its own, or by a day of its own
 * ({@link Samples#freshDay}, or {@link Samples#pastDay} for the purges).
 */
public abstract class AuditLogContract {
    private static final Duration MICRO = Duration.ofNanos(1_000);

    protected abstract AuditLog audit();

    @Test
    void gives_back_every_field_of_an_event() {
        UserId user = UserId.random();
        AuditEvent event = new AuditEvent(
                UUID.randomUUID(),
                T0.plusNanos(7_000),
                AuditKind.ROLE_CHANGED,
                Optional.of(user),
                Optional.of(new Username("Zoë.Ł-" + unique())),
                Optional.of(UserId.random()),
                someOrigin(),
                Optional.of(SessionId.random()),
                Optional.of("role USER to ADMIN ✓"));

        audit().append(event);

        assertThat(audit().find(AuditQuery.of(user)).items()).containsExactly(event);
        assertThat(audit().latestOf(user, 5)).containsExactly(event);
    }

    @Test
    void gives_back_an_event_with_every_optional_part_empty() {
        Instant day = freshDay();
        AuditEvent anonymous = new AuditEvent(
                UUID.randomUUID(),
                day,
                AuditKind.LOGIN_FAILED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Origin.UNKNOWN,
                Optional.empty(),
                Optional.empty());

        audit().append(anonymous);

        assertThat(audit().find(between(day, day.plusSeconds(1))).items()).containsExactly(anonymous);
    }

    /** A username of supplementary letters (two UTF-16 units each, which NFKC leaves alone), the longest detail. */
    @Test
    void gives_back_the_longest_values_there_are() {
        UserId user = UserId.random();
        AuditEvent event = new AuditEvent(
                UUID.randomUUID(),
                T0,
                AuditKind.LOGIN_SUCCEEDED,
                Optional.of(user),
                Optional.of(new Username("\uD840\uDC00".repeat(Username.MAX_LENGTH))),
                Optional.empty(),
                longestOrigin(),
                Optional.empty(),
                Optional.of("\uD83D\uDE00".repeat(AuditEvent.MAX_DETAIL_LENGTH / 2)));

        audit().append(event);

        assertThat(audit().find(AuditQuery.of(user)).items()).containsExactly(event);
    }

    @Test
    void finds_the_events_of_one_user_only() {
        UserId user = UserId.random();
        AuditEvent first = event(user, AuditKind.REGISTERED, T0);
        AuditEvent second = event(user, AuditKind.VERIFIED, T0.plusSeconds(1));
        event(UserId.random(), AuditKind.REGISTERED, T0.plusSeconds(2));
        event(null, AuditKind.LOGIN_FAILED, T0.plusSeconds(3));

        assertThat(audit().find(AuditQuery.of(user))).isEqualTo(page(List.of(second, first), 2, 1, 20));
    }

    @Test
    void forgetting_a_user_clears_the_name_and_origin_of_their_events_and_keeps_the_rest() {
        UserId user = UserId.random();
        AuditEvent first = event(user, AuditKind.REGISTERED, T0);
        AuditEvent second = event(user, AuditKind.LOGIN_SUCCEEDED, T0.plusSeconds(1));
        AuditEvent others = event(UserId.random(), AuditKind.REGISTERED, T0.plusSeconds(2));

        assertThat(audit().forgetPersonalDataOf(user)).isEqualTo(2);

        assertThat(audit().find(AuditQuery.of(user)).items())
                .containsExactly(withoutPersonalData(second), withoutPersonalData(first));
        assertThat(audit().find(AuditQuery.of(others.userId().orElseThrow())).items())
                .containsExactly(others);
        assertThat(audit().forgetPersonalDataOf(UserId.random())).isZero();
    }

    @Test
    void finds_the_events_of_one_kind_and_combines_it_with_the_user() {
        UserId user = UserId.random();
        Instant day = freshDay();
        AuditEvent failed = event(user, AuditKind.LOGIN_FAILED, day);
        event(user, AuditKind.LOGIN_SUCCEEDED, day.plusSeconds(1));
        AuditEvent someoneElsesFailure = event(UserId.random(), AuditKind.LOGIN_FAILED, day.plusSeconds(2));
        AuditEvent anonymousFailure = event(null, AuditKind.LOGIN_FAILED, day.plusSeconds(3));
        AuditEvent laterFailure = event(user, AuditKind.LOGIN_FAILED, day.plusSeconds(4));

        assertThat(audit().find(AuditQuery.of(user).withKind(AuditKind.LOGIN_FAILED))
                        .items())
                .containsExactly(laterFailure, failed);
        assertThat(audit().find(new AuditQuery(
                                Optional.empty(),
                                Optional.of(AuditKind.LOGIN_FAILED),
                                Optional.of(day),
                                Optional.of(day.plus(Duration.ofDays(1))),
                                PageRequest.first()))
                        .items())
                .containsExactly(laterFailure, anonymousFailure, someoneElsesFailure, failed);
        assertThat(audit().find(AuditQuery.of(user).withKind(AuditKind.ROLE_CHANGED))
                        .total())
                .isZero();
    }

    @Test
    void finds_the_events_since_a_time_inclusive_and_until_a_time_exclusive() {
        Instant day = freshDay();
        Instant since = day.plus(Duration.ofHours(1));
        Instant until = day.plus(Duration.ofHours(2));
        AuditEvent before = event(null, AuditKind.LOGIN_FAILED, since.minus(MICRO));
        AuditEvent atSince = event(null, AuditKind.LOGIN_FAILED, since);
        AuditEvent justBeforeUntil = event(null, AuditKind.LOGIN_FAILED, until.minus(MICRO));
        AuditEvent atUntil = event(null, AuditKind.LOGIN_FAILED, until);

        assertThat(audit().find(between(since, until)).items()).containsExactly(justBeforeUntil, atSince);
        assertThat(audit().find(between(day, since)).items()).containsExactly(before);
        assertThat(audit().find(between(until, day.plus(Duration.ofDays(1)))).items())
                .containsExactly(atUntil);
    }

    @Test
    void finds_the_events_since_a_time_or_until_a_time_alone() {
        UserId user = UserId.random();
        Instant day = freshDay();
        AuditEvent early = event(user, AuditKind.LOGIN_FAILED, day);
        AuditEvent late = event(user, AuditKind.LOGIN_FAILED, day.plusSeconds(10));

        assertThat(audit().find(new AuditQuery(
                                Optional.of(user),
                                Optional.empty(),
                                Optional.of(day.plusSeconds(10)),
                                Optional.empty(),
                                PageRequest.first()))
                        .items())
                .containsExactly(late);
        assertThat(audit().find(new AuditQuery(
                                Optional.of(user),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(day.plusSeconds(10)),
                                PageRequest.first()))
                        .items())
                .containsExactly(early);
    }

    @Test
    void lists_the_newest_first_and_events_of_the_same_moment_by_id() {
        UserId user = UserId.random();
        AuditEvent oldest = event(user, AuditKind.REGISTERED, T0);
        List<AuditEvent> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(event(user, AuditKind.LOGIN_SUCCEEDED, T0.plusSeconds(5).plus(MICRO)));
        }
        AuditEvent newest = event(user, AuditKind.LOGGED_OUT, T0.plusSeconds(9));
        tied.sort(Comparator.comparing(e -> e.id().toString()));
        List<AuditEvent> expected = new ArrayList<>();
        expected.add(newest);
        expected.addAll(tied);
        expected.add(oldest);

        assertThat(audit().find(AuditQuery.of(user)).items()).containsExactlyElementsOf(expected);
        assertThat(audit().latestOf(user, 10)).containsExactlyElementsOf(expected);
    }

    @Test
    void pages_through_the_events_and_counts_them_all() {
        UserId user = UserId.random();
        List<AuditEvent> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, event(user, AuditKind.LOGIN_FAILED, T0.plusSeconds(i)));
        }

        Page<AuditEvent> first = audit().find(paged(user, 1, 2));
        Page<AuditEvent> last = audit().find(paged(user, 3, 2));

        assertThat(first).isEqualTo(page(newestFirst.subList(0, 2), 5, 1, 2));
        assertThat(first.hasNext()).isTrue();
        assertThat(audit().find(paged(user, 2, 2))).isEqualTo(page(newestFirst.subList(2, 4), 5, 2, 2));
        assertThat(last).isEqualTo(page(newestFirst.subList(4, 5), 5, 3, 2));
        assertThat(last.hasNext()).isFalse();
        assertThat(audit().find(paged(user, 4, 2))).isEqualTo(page(List.of(), 5, 4, 2));
        Page<AuditEvent> farBeyond = audit().find(paged(user, Integer.MAX_VALUE, PageRequest.MAX_PAGE_SIZE));
        assertThat(farBeyond.items()).isEmpty();
        assertThat(farBeyond.total()).isEqualTo(5);
    }

    @Test
    void gives_the_latest_events_of_a_user_up_to_the_limit() {
        UserId user = UserId.random();
        List<AuditEvent> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, event(user, AuditKind.LOGIN_SUCCEEDED, T0.plusSeconds(i)));
        }
        event(UserId.random(), AuditKind.LOGIN_SUCCEEDED, T0.plusSeconds(10));
        event(null, AuditKind.LOGIN_FAILED, T0.plusSeconds(10));

        assertThat(audit().latestOf(user, 3)).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(audit().latestOf(user, 1)).containsExactly(newestFirst.get(0));
        assertThat(audit().latestOf(user, 50)).containsExactlyElementsOf(newestFirst);
        assertThat(audit().latestOf(UserId.random(), 50)).isEmpty();
    }

    @Test
    void purges_the_events_before_the_cutoff() {
        Instant day = pastDay();
        Instant cutoff = day.plus(Duration.ofHours(1));
        UserId user = UserId.random();
        event(user, AuditKind.REGISTERED, day);
        event(null, AuditKind.LOGIN_FAILED, cutoff.minus(MICRO));
        AuditEvent atCutoff = event(user, AuditKind.VERIFIED, cutoff);
        AuditEvent after = event(user, AuditKind.LOGIN_SUCCEEDED, cutoff.plus(MICRO));

        assertThat(audit().purgeBefore(cutoff)).isEqualTo(2);
        assertThat(audit().purgeBefore(cutoff)).isZero();

        assertThat(audit().find(AuditQuery.of(user)).items()).containsExactly(after, atCutoff);
        assertThat(audit().find(between(day, cutoff)).total()).isZero();
    }

    @Test
    void concurrent_purges_delete_each_event_once() throws Exception {
        Instant day = pastDay();
        for (int i = 0; i < 5; i++) {
            event(UserId.random(), AuditKind.LOGIN_FAILED, day);
        }

        List<Integer> purged = Race.run(4, () -> audit().purgeBefore(day.plusSeconds(1)));

        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    }

    private static AuditEvent withoutPersonalData(AuditEvent e) {
        return new AuditEvent(
                e.id(),
                e.at(),
                e.kind(),
                e.userId(),
                Optional.empty(),
                e.actor(),
                dev.stockroom.core.account.domain.Origin.UNKNOWN,
                e.sessionId(),
                e.detail());
    }

    /** Appends an event about {@code user} (null: about no account) and returns it. */
    private AuditEvent event(UserId user, AuditKind kind, Instant at) {
        Optional<UserId> who = Optional.ofNullable(user);
        AuditEvent event = new AuditEvent(
                UUID.randomUUID(),
                at,
                kind,
                who,
                who.map(u -> new Username("user_" + unique())),
                Optional.empty(),
                someOrigin(),
                Optional.empty(),
                Optional.of(kind.name().toLowerCase(Locale.ROOT)));
        audit().append(event);
        return event;
    }

    private static AuditQuery between(Instant since, Instant until) {
        return new AuditQuery(
                Optional.empty(), Optional.empty(), Optional.of(since), Optional.of(until), PageRequest.first());
    }

    private static AuditQuery paged(UserId user, int page, int pageSize) {
        return new AuditQuery(
                Optional.of(user),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                new PageRequest(page, pageSize));
    }

    private static Page<AuditEvent> page(List<AuditEvent> items, long total, int page, int pageSize) {
        return new Page<>(items, total, page, pageSize);
    }
}

package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.PageRequest;
import dev.stockroom.core.shared.QueryParameters;
import dev.stockroom.core.shared.Violations;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which audit events an admin lists: every filter optional, combined with AND; newest first.
 *
 * @param since inclusive
 * @param until exclusive
 */
public record AuditQuery(
        Optional<UserId> user,
        Optional<AuditKind> kind,
        Optional<Instant> since,
        Optional<Instant> until,
        PageRequest page) {

    public AuditQuery {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(page, "page");
    }

    public static AuditQuery all() {
        return new AuditQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), PageRequest.first());
    }

    public static AuditQuery of(UserId user) {
        return all().withUser(user);
    }

    public AuditQuery withUser(UserId id) {
        return new AuditQuery(Optional.of(id), kind, since, until, page);
    }

    public AuditQuery withKind(AuditKind k) {
        return new AuditQuery(user, Optional.of(k), since, until, page);
    }

    /**
     * Reads the API's query parameters ({@code since}, {@code until} as ISO-8601 instants with an
     * offset, for example {@code 2026-12-01T10:00:00Z}); null or blank means "not given".
     *
     * @throws AccountFailure.InvalidInput naming every parameter that is wrong
     */
    public static AuditQuery parse(String user, String kind, String since, String until, String page, String pageSize) {
        Violations v = new Violations();
        Optional<UserId> who = QueryParameters.given(user).map(u -> v.field("user", () -> userId(u)));
        Optional<AuditKind> what = QueryParameters.given(kind)
                .map(k -> v.field("kind", () -> QueryParameters.enumValue(AuditKind.class, k, "an audit event kind")));
        Optional<Instant> from = QueryParameters.given(since).map(s -> v.field("since", () -> instant(s)));
        Optional<Instant> to = QueryParameters.given(until).map(s -> v.field("until", () -> instant(s)));
        PageRequest paging = PageRequest.parse(v, page, pageSize);
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            v.add("until", "Must be after since.");
        }
        v.throwIfAny(AccountFailure.InvalidInput::new);
        return new AuditQuery(who, what, from, to, paging);
    }

    private static UserId userId(String text) {
        try {
            return new UserId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("Must be a user id.");
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValue("Must be an ISO-8601 date and time with an offset, such as 2026-12-01T10:00:00Z.");
        }
    }
}

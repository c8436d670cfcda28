package dev.stockroom.core.contract;

import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.CodePurpose;
import dev.stockroom.core.account.domain.EmailAddress;
import dev.stockroom.core.account.domain.OneTimeCode;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.PersonName;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.shared.LanguageTag;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique test data, so that contract tests never depend on (or clean up after) each other when a
 * store is shared by a whole test class or JVM. Instants carry microseconds, the finest precision
 * PostgreSQL and H2 keep, so a round trip compares equal.
 */
final class Samples {
    /** A moment with a fractional second, so that truncation to milliseconds would show. */
    static final Instant T0 = Instant.parse("2031-05-04T03:02:01.123456Z");

    private static final Instant LATEST_DAY = Instant.parse("2200-01-01T00:00:00.654321Z");
    private static final AtomicLong DAYS_HANDED_OUT = new AtomicLong();
    private static final Instant EARLIEST_PAST_DAY = Instant.parse("2001-01-01T00:00:00.246813Z");
    private static final AtomicLong PAST_DAYS_HANDED_OUT = new AtomicLong();

    private Samples() {}

    /**
     * The start of a day no caller in this JVM has had, earlier than every day handed out before.
     * A queue such as the outbox cannot be told apart by unique keys: a claim takes whatever is
     * due. A test that works inside its own day, before every earlier test's day, sees nothing
     * that those tests left due, and its own messages are the oldest in the store.
     */
    static Instant freshDay() {
        return LATEST_DAY.minus(Duration.ofDays(DAYS_HANDED_OUT.incrementAndGet()));
    }

    /**
     * The start of a day no caller in this JVM has had, earlier than every other sample instant
     * and every day handed out before. A purge deletes whatever ended before a cutoff, whoever
     * stored it: with its cutoff inside its own day, a test purges only its own rows (and none of
     * a later test, whose day is earlier still).
     */
    static Instant pastDay() {
        return EARLIEST_PAST_DAY.minus(Duration.ofDays(PAST_DAYS_HANDED_OUT.incrementAndGet()));
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static User newUser() {
        String id = unique();
        return User.register(
                UserId.random(),
                new PersonName("Zoë"),
                new PersonName("Łukasiewicz-O'Brien"),
                new Username("user_" + id),
                new EmailAddress("mail." + id + "@example.test"),
                "$argon2id$v=19$" + id,
                T0);
    }

    /**
     * A user whose every field differs from what {@link User#register} would set: verified, an
     * admin, disabled, logged in before, and writing Swiss German.
     */
    static User verifiedAdmin() {
        String id = unique();
        return User.rehydrate(
                UserId.random(),
                new PersonName("Ada"),
                new PersonName("Lovelace"),
                new Username("Ada.L-" + id),
                new EmailAddress("Ada." + id + "@Example.TEST"),
                "$argon2id$v=19$x" + id,
                AuthStatus.VERIFIED,
                Role.ADMIN,
                T0,
                T0.plus(Duration.ofDays(3).plusNanos(654_321_000)),
                true,
                T0.plus(Duration.ofDays(2).plusNanos(123_457_000)),
                new LanguageTag("de-CH"));
    }

    /** A user with these fields; the rest as {@link #newUser} sets them. */
    static User user(String username, String email, AuthStatus status, Role role, boolean disabled, Instant createdAt) {
        return User.rehydrate(
                UserId.random(),
                new PersonName("Grace"),
                new PersonName("Hopper"),
                new Username(username),
                new EmailAddress(email),
                "$argon2id$v=19$" + unique(),
                status,
                role,
                createdAt,
                createdAt,
                disabled,
                null,
                LanguageTag.ENGLISH);
    }

    /** An origin with both parts, one of them outside ASCII. */
    static Origin someOrigin() {
        return Origin.of(
                "2001:db8::" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)),
                "Mozilla/5.0 (X11; Linux x86_64) Łódź ✓ " + unique());
    }

    /**
     * The longest origin there is, in UTF-16 units (as the domain cuts and H2 counts): the user
     * agent made of characters outside the Basic Multilingual Plane.
     */
    static Origin longestOrigin() {
        Origin origin = Origin.of(
                "a".repeat(Origin.MAX_ADDRESS_LENGTH), "\uD83D\uDE00".repeat(Origin.MAX_USER_AGENT_LENGTH / 2));
        if (origin.address().orElseThrow().length() != Origin.MAX_ADDRESS_LENGTH
                || origin.userAgent().orElseThrow().length() != Origin.MAX_USER_AGENT_LENGTH) {
            throw new IllegalStateException("not the longest origin: " + origin);
        }
        return origin;
    }

    static Session openSession(UserId userId) {
        return new Session(SessionId.random(), userId, SessionKind.LOGIN, T0, T0.plus(Duration.ofDays(30)), null);
    }

    static OneTimeCode newCode(UserId userId, CodePurpose purpose, Instant createdAt) {
        return new OneTimeCode(
                UUID.randomUUID(),
                userId,
                purpose,
                "hash-" + unique(),
                createdAt,
                createdAt.plus(Duration.ofMinutes(10)),
                0,
                null);
    }

    static String tokenHash() {
        return (unique() + unique() + unique() + unique()).substring(0, 64);
    }
}

package dev.stockroom.core.account.domain;

import dev.stockroom.core.shared.LanguageTag;
import java.time.Instant;
import java.util.Objects;

/**
 * An account. Immutable: every change returns a new instance. {@code passwordHash} is the encoded
 * hash produced by a {@code PasswordHasher}, never a password.
 */
public final class User {
    private final UserId id;
    private final PersonName firstName;
    private final PersonName lastName;
    private final Username username;
    private final EmailAddress email;
    private final String passwordHash;
    private final AuthStatus status;
    private final Role role;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final boolean disabled;
    private final Instant lastLoginAt;
    private final LanguageTag locale;

    private User(
            UserId id,
            PersonName firstName,
            PersonName lastName,
            Username username,
            EmailAddress email,
            String passwordHash,
            AuthStatus status,
            Role role,
            Instant createdAt,
            Instant updatedAt,
            boolean disabled,
            Instant lastLoginAt,
            LanguageTag locale) {
        this.id = Objects.requireNonNull(id, "id");
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.lastName = Objects.requireNonNull(lastName, "lastName");
        this.username = Objects.requireNonNull(username, "username");
        this.email = Objects.requireNonNull(email, "email");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.status = Objects.requireNonNull(status, "status");
        this.role = Objects.requireNonNull(role, "role");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.disabled = disabled;
        this.lastLoginAt = lastLoginAt;
        this.locale = Objects.requireNonNull(locale, "locale");
        if (passwordHash.isBlank()) {
            throw new IllegalArgumentException("passwordHash must not be blank");
        }
    }

    /** A freshly registered account: NEW, role USER, writing English. */
    public static User register(
            UserId id,
            PersonName firstName,
            PersonName lastName,
            Username username,
            EmailAddress email,
            String passwordHash,
            Instant now) {
        return register(id, firstName, lastName, username, email, passwordHash, LanguageTag.ENGLISH, now);
    }

    /** A freshly registered account: NEW, role USER, its mail in {@code locale}. */
    public static User register(
            UserId id,
            PersonName firstName,
            PersonName lastName,
            Username username,
            EmailAddress email,
            String passwordHash,
            LanguageTag locale,
            Instant now) {
        return new User(
                id,
                firstName,
                lastName,
                username,
                email,
                passwordHash,
                AuthStatus.NEW,
                Role.USER,
                now,
                now,
                false,
                null,
                locale);
    }

    /** An enabled account writing English that never logged in, read back from storage; every invariant is checked again. */
    public static User rehydrate(
            UserId id,
            PersonName firstName,
            PersonName lastName,
            Username username,
            EmailAddress email,
            String passwordHash,
            AuthStatus status,
            Role role,
            Instant createdAt,
            Instant updatedAt) {
        return rehydrate(
                id,
                firstName,
                lastName,
                username,
                email,
                passwordHash,
                status,
                role,
                createdAt,
                updatedAt,
                false,
                null,
                LanguageTag.ENGLISH);
    }

    /**
     * An account read back from storage; every invariant is checked again.
     *
     * @param lastLoginAt null when it never logged in
     */
    public static User rehydrate(
            UserId id,
            PersonName firstName,
            PersonName lastName,
            Username username,
            EmailAddress email,
            String passwordHash,
            AuthStatus status,
            Role role,
            Instant createdAt,
            Instant updatedAt,
            boolean disabled,
            Instant lastLoginAt,
            LanguageTag locale) {
        return new User(
                id,
                firstName,
                lastName,
                username,
                email,
                passwordHash,
                status,
                role,
                createdAt,
                updatedAt,
                disabled,
                lastLoginAt,
                locale);
    }

    public User verified(Instant now) {
        return new User(
                id,
                firstName,
                lastName,
                username,
                email,
                passwordHash,
                AuthStatus.VERIFIED,
                role,
                createdAt,
                now,
                disabled,
                lastLoginAt,
                locale);
    }

    public User withPasswordHash(String newHash, Instant now) {
        return new User(
                id,
                firstName,
                lastName,
                username,
                email,
                newHash,
                status,
                role,
                createdAt,
                now,
                disabled,
                lastLoginAt,
                locale);
    }

    /** The account moved to {@code newEmail} (an email change, made or undone). */
    public User withEmail(EmailAddress newEmail, Instant now) {
        return new User(
                id,
                firstName,
                lastName,
                username,
                newEmail,
                passwordHash,
                status,
                role,
                createdAt,
                now,
                disabled,
                lastLoginAt,
                locale);
    }

    public User withRole(Role newRole, Instant now) {
        return new User(
                id,
                firstName,
                lastName,
                username,
                email,
                passwordHash,
                status,
                newRole,
                createdAt,
                now,
                disabled,
                lastLoginAt,
                locale);
    }

    /** Disabled: cannot log in, refresh or use a token; an admin enables it again. */
    public User withDisabled(boolean off, Instant now) {
        return new User(
                id,
                firstName,
                lastName,
                username,
                email,
                passwordHash,
                status,
                role,
                createdAt,
                now,
                off,
                lastLoginAt,
                locale);
    }

    /** The same account with these names and this language; the caller decides what changed. */
    public User withProfile(PersonName newFirstName, PersonName newLastName, LanguageTag newLocale, Instant now) {
        return new User(
                id,
                newFirstName,
                newLastName,
                username,
                email,
                passwordHash,
                status,
                role,
                createdAt,
                now,
                disabled,
                lastLoginAt,
                newLocale);
    }

    public User loggedIn(Instant at) {
        return new User(
                id,
                firstName,
                lastName,
                username,
                email,
                passwordHash,
                status,
                role,
                createdAt,
                updatedAt,
                disabled,
                at,
                locale);
    }

    public UserId id() {
        return id;
    }

    public PersonName firstName() {
        return firstName;
    }

    public PersonName lastName() {
        return lastName;
    }

    public Username username() {
        return username;
    }

    public EmailAddress email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public AuthStatus status() {
        return status;
    }

    public Role role() {
        return role;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The language its mail is written in (English where that language has no translation). */
    public LanguageTag locale() {
        return locale;
    }

    public boolean isDisabled() {
        return disabled;
    }
    /** Empty when it never logged in. */
    public java.util.Optional<Instant> lastLoginAt() {
        return java.util.Optional.ofNullable(lastLoginAt);
    }

    public boolean isVerified() {
        return status == AuthStatus.VERIFIED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User other
                && id.equals(other.id)
                && firstName.equals(other.firstName)
                && lastName.equals(other.lastName)
                && username.equals(other.username)
                && email.equals(other.email)
                && passwordHash.equals(other.passwordHash)
                && status == other.status
                && role == other.role
                && createdAt.equals(other.createdAt)
                && updatedAt.equals(other.updatedAt)
                && disabled == other.disabled
                && Objects.equals(lastLoginAt, other.lastLoginAt)
                && locale.equals(other.locale);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Never prints the password hash. */
    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", status=" + status + ", role=" + role
                + (disabled ? ", disabled" : "") + "]";
    }
}

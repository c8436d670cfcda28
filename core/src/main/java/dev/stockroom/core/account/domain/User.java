package dev.stockroom.core.account.domain;

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

    private User(UserId id, PersonName firstName, PersonName lastName, Username username, EmailAddress email,
            String passwordHash, AuthStatus status, Role role, Instant createdAt, Instant updatedAt) {
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
        if (passwordHash.isBlank()) {
            throw new IllegalArgumentException("passwordHash must not be blank");
        }
    }

    /** A freshly registered account: NEW, role USER. */
    public static User register(UserId id, PersonName firstName, PersonName lastName, Username username,
            EmailAddress email, String passwordHash, Instant now) {
        return new User(id, firstName, lastName, username, email, passwordHash, AuthStatus.NEW, Role.USER, now, now);
    }

    /** An account read back from storage; every invariant is checked again. */
    public static User rehydrate(UserId id, PersonName firstName, PersonName lastName, Username username,
            EmailAddress email, String passwordHash, AuthStatus status, Role role, Instant createdAt,
            Instant updatedAt) {
        return new User(id, firstName, lastName, username, email, passwordHash, status, role, createdAt, updatedAt);
    }

    public User verified(Instant now) {
        return new User(id, firstName, lastName, username, email, passwordHash, AuthStatus.VERIFIED, role, createdAt, now);
    }

    public User withPasswordHash(String newHash, Instant now) {
        return new User(id, firstName, lastName, username, email, newHash, status, role, createdAt, now);
    }

    public User withRole(Role newRole, Instant now) {
        return new User(id, firstName, lastName, username, email, passwordHash, status, newRole, createdAt, now);
    }

    public UserId id() { return id; }
    public PersonName firstName() { return firstName; }
    public PersonName lastName() { return lastName; }
    public Username username() { return username; }
    public EmailAddress email() { return email; }
    public String passwordHash() { return passwordHash; }
    public AuthStatus status() { return status; }
    public Role role() { return role; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    public boolean isVerified() {
        return status == AuthStatus.VERIFIED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof User other && id.equals(other.id) && firstName.equals(other.firstName)
                && lastName.equals(other.lastName) && username.equals(other.username) && email.equals(other.email)
                && passwordHash.equals(other.passwordHash) && status == other.status && role == other.role
                && createdAt.equals(other.createdAt) && updatedAt.equals(other.updatedAt);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Never prints the password hash. */
    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", status=" + status + ", role=" + role + "]";
    }
}

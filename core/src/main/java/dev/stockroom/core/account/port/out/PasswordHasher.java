package dev.stockroom.core.account.port.out;

/** One-way password hashing. The encoded form carries its own algorithm, parameters and salt. */
public interface PasswordHasher {

    String hash(String password);

    /** Compares in constant time; false (never an exception) for a malformed encoded hash. */
    boolean matches(String password, String encodedHash);
}

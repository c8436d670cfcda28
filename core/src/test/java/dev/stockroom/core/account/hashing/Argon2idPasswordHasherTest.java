package dev.stockroom.core.account.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idPasswordHasherTest {
    private static final String PHC = "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}";
    // One hasher for the class: Argon2 at 19 MiB is meant to be slow.
    private static final Argon2idPasswordHasher HASHER = new Argon2idPasswordHasher();
    private static final String PASSWORD = "a long enough passphrase";
    private static final String HASH = HASHER.hash(PASSWORD);

    @Test
    void the_hash_is_a_phc_string_with_the_owasp_parameters() {
        assertThat(HASH).matches(PHC).doesNotContain(PASSWORD);
    }

    @Test
    void the_right_password_matches_and_any_other_does_not() {
        assertThat(HASHER.matches(PASSWORD, HASH)).isTrue();
        assertThat(HASHER.matches(PASSWORD + " ", HASH)).isFalse();
        assertThat(HASHER.matches("A long enough passphrase", HASH)).isFalse();
        assertThat(HASHER.matches("", HASH)).isFalse();
    }

    @Test
    void each_hash_has_its_own_salt() {
        String again = HASHER.hash(PASSWORD);

        assertThat(again).isNotEqualTo(HASH);
        assertThat(again.split("\\$", -1)[4]).isNotEqualTo(HASH.split("\\$", -1)[4]);
        assertThat(HASHER.matches(PASSWORD, again)).isTrue();
    }

    @Test
    void unicode_is_hashed_whole_and_never_truncated() {
        String password = "\uD83D\uDD11 ключ ".repeat(20);
        String hash = HASHER.hash(password);

        assertThat(HASHER.matches(password, hash)).isTrue();
        assertThat(HASHER.matches(password.substring(0, password.length() - 1), hash))
                .isFalse();
    }

    /** The reference implementation's output: {@code echo -n password | argon2 somesalt -id -t 2 -m 16 -p 4 -l 32 -e}. */
    @Test
    void verifies_hashes_made_elsewhere_with_other_parameters() {
        String reference = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";

        assertThat(HASHER.matches("password", reference)).isTrue();
        assertThat(HASHER.matches("passwore", reference)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain text",
                "$argon2id$",
                "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0",
                "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434Iim!PqxwCo",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$a"
            })
    void a_malformed_hash_never_matches_and_never_throws(String malformed) {
        assertThat(HASHER.matches(PASSWORD, malformed)).isFalse();
    }

    @Test
    void nulls_do_not_match() {
        assertThat(HASHER.matches(null, HASH)).isFalse();
        assertThat(HASHER.matches(PASSWORD, null)).isFalse();
    }
}

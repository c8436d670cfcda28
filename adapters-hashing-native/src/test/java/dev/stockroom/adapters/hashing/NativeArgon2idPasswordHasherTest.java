package dev.stockroom.adapters.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.hashing.Argon2idHash;
import dev.stockroom.core.account.hashing.Argon2idPasswordHasher;
import dev.stockroom.core.account.port.out.PasswordHasher;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The smoke test of the native hasher: it loads here, and it agrees with core's Bouncy Castle hasher. */
class NativeArgon2idPasswordHasherTest {
    private static final String PHC = "\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}";
    // One of each for the class: Argon2 at 19 MiB is meant to be slow.
    private static final NativeArgon2idPasswordHasher NATIVE = new NativeArgon2idPasswordHasher();
    private static final Argon2idPasswordHasher BOUNCY_CASTLE = new Argon2idPasswordHasher();
    private static final String PASSWORD = "a long enough passphrase";
    private static final String HASH = NATIVE.hash(PASSWORD);
    private static final String UNICODE =
            "\u043f\u0430\u0440\u043e\u043b\u044c \uD83D\uDD11 \u00fcn\u00efc\u00f6d\u00e9";
    /** Made once by {@link Argon2idPasswordHasher} for {@link #UNICODE}: a stored hash from before this module. */
    private static final String STORED_BY_BOUNCY_CASTLE =
            "$argon2id$v=19$m=19456,t=2,p=1$0s5I8Rxsq5GX4QwExrHbZQ$LFTTBaiC8dbLy6LUDqxzdcsKWBugVCsFiFFohjJ1lrY";

    @Test
    void the_hash_is_a_phc_string_with_the_owasp_parameters_a_16_byte_salt_and_a_32_byte_hash() {
        assertThat(HASH).matches(PHC).doesNotContain(PASSWORD);
        Argon2idHash parsed = Argon2idHash.parse(HASH).orElseThrow();
        assertThat(parsed.salt()).hasSize(16);
        assertThat(parsed.hash()).hasSize(32);
    }

    @Test
    void its_hashes_verify_with_bouncy_castle_and_the_other_way_round() {
        assertThat(BOUNCY_CASTLE.matches(PASSWORD, HASH)).isTrue();
        assertThat(NATIVE.matches(PASSWORD, BOUNCY_CASTLE.hash(PASSWORD))).isTrue();
    }

    @Test
    void with_the_same_salt_both_write_the_same_string() {
        SecureRandom sevens = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 7);
            }
        };

        assertThat(new NativeArgon2idPasswordHasher(sevens).hash(PASSWORD))
                .isEqualTo(new Argon2idPasswordHasher(sevens).hash(PASSWORD));
    }

    @Test
    void hashes_stored_by_bouncy_castle_keep_working() {
        assertThat(NATIVE.matches(UNICODE, STORED_BY_BOUNCY_CASTLE)).isTrue();
        assertThat(NATIVE.matches(UNICODE + " ", STORED_BY_BOUNCY_CASTLE)).isFalse();
    }

    /** The reference implementation's output: {@code echo -n password | argon2 somesalt -id -t 2 -m 16 -p 4 -l 32 -e}. */
    @Test
    void verifies_hashes_made_elsewhere_with_other_parameters() {
        String reference = "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";

        assertThat(NATIVE.matches("password", reference)).isTrue();
        assertThat(NATIVE.matches("passwore", reference)).isFalse();
    }

    @Test
    void a_non_ascii_password_is_hashed_whole_and_agrees_across_both() {
        String password = UNICODE.repeat(10);
        String hash = NATIVE.hash(password);

        assertThat(BOUNCY_CASTLE.matches(password, hash)).isTrue();
        assertThat(NATIVE.matches(password, BOUNCY_CASTLE.hash(password))).isTrue();
        assertThat(NATIVE.matches(password.substring(0, password.length() - 1), hash))
                .isFalse();
    }

    @Test
    void the_right_password_matches_and_any_other_does_not() {
        assertThat(NATIVE.matches(PASSWORD, HASH)).isTrue();
        assertThat(NATIVE.matches(PASSWORD + " ", HASH)).isFalse();
        assertThat(NATIVE.matches("A long enough passphrase", HASH)).isFalse();
        assertThat(NATIVE.matches("", HASH)).isFalse();
        assertThat(NATIVE.matches(null, HASH)).isFalse();
    }

    @Test
    void each_hash_has_its_own_salt() {
        assertThat(NATIVE.hash(PASSWORD).split("\\$", -1)[4]).isNotEqualTo(HASH.split("\\$", -1)[4]);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "plain text",
                "$argon2id$",
                "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2d$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0",
                "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=19456,t=999,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=19456,t=2,p=99$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434Iim!PqxwCo",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0x$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzYWx0$a"
            })
    void a_malformed_or_hostile_hash_never_matches_and_never_throws(String malformed) {
        assertThat(NATIVE.matches(PASSWORD, malformed)).isFalse();
    }

    @Test
    void loads_on_this_machine_and_says_what_it_is() {
        List<Throwable> failures = new ArrayList<>();
        PasswordHasher loaded = NativeArgon2idPasswordHasher.load(new SecureRandom(), failures::add)
                .orElseThrow();

        assertThat(failures).isEmpty();
        assertThat(BOUNCY_CASTLE.matches(PASSWORD, loaded.hash(PASSWORD))).isTrue();
        assertThat(loaded).hasToString("NativeArgon2idPasswordHasher[libargon2, m=19456,t=2,p=1]");
        assertThat(NativeArgon2idPasswordHasher.load(new SecureRandom())).isPresent();
    }
}

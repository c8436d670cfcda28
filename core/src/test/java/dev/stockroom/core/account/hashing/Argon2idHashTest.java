package dev.stockroom.core.account.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idHashTest {
    private static final String REFERENCE =
            "$argon2id$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo";

    @Test
    void parses_and_encodes_a_phc_string_unchanged() {
        Argon2idHash hash = Argon2idHash.parse(REFERENCE).orElseThrow();

        assertThat(hash.memoryKib()).isEqualTo(65536);
        assertThat(hash.iterations()).isEqualTo(2);
        assertThat(hash.parallelism()).isEqualTo(4);
        assertThat(hash.salt()).asString().isEqualTo("somesalt");
        assertThat(hash.hash()).hasSize(32);
        assertThat(hash.encode()).isEqualTo(REFERENCE);
        assertThat(hash)
                .isEqualTo(Argon2idHash.parse(REFERENCE).orElseThrow())
                .hasToString("Argon2idHash[m=65536,t=2,p=4]");
    }

    @Test
    void the_defaults_are_the_owasp_minimum() {
        String encoded = Argon2idHash.withDefaults(new byte[16], new byte[32]).encode();

        assertThat(encoded)
                .isEqualTo("$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$"
                        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }

    @Test
    void its_bytes_cannot_be_changed_from_outside() {
        byte[] salt = new byte[16];
        Argon2idHash hash = Argon2idHash.withDefaults(salt, new byte[32]);
        salt[0] = 1;
        hash.salt()[1] = 1;
        hash.hash()[0] = 1;

        assertThat(hash.salt()).containsOnly(0);
        assertThat(hash.hash()).containsOnly(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "$argon2id$v=19$m=1048577,t=2,p=1$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=19456,t=65,p=1$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=19456,t=2,p=17$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=31,t=2,p=4$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434Iima",
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo=",
                "$argon2d$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$GpZ3sK/oH9p7VIiV56G/64Zo/8GaUw434IimaPqxwCo"
            })
    void refuses_what_is_malformed_or_out_of_bounds(String encoded) {
        assertThat(Argon2idHash.parse(encoded)).isEmpty();
    }

    @Test
    void refuses_null() {
        assertThat(Argon2idHash.parse(null)).isEmpty();
    }

    @Test
    void cannot_be_built_out_of_bounds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Argon2idHash(2 * 1024 * 1024, 2, 1, new byte[16], new byte[32]));
        assertThatIllegalArgumentException().isThrownBy(() -> Argon2idHash.withDefaults(new byte[7], new byte[32]));
        assertThatIllegalArgumentException().isThrownBy(() -> Argon2idHash.withDefaults(new byte[16], new byte[67]));
    }
}

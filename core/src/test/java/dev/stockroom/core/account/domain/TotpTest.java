package dev.stockroom.core.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B's test vectors, Base32 (RFC 4648 section 10) and the window around now. */
class TotpTest {
    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY =
            "1234567890123456789012345678901234567890123456789012345678901234".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"
    })
    void computes_the_rfc_6238_test_vectors(long unixSeconds, String sha1, String sha256, String sha512) {
        long step = Totp.stepAt(Instant.ofEpochSecond(unixSeconds));

        assertThat(Totp.code("HmacSHA1", SHA1_KEY, step, 8)).isEqualTo(sha1);
        assertThat(Totp.code("HmacSHA256", SHA256_KEY, step, 8)).isEqualTo(sha256);
        assertThat(Totp.code("HmacSHA512", SHA512_KEY, step, 8)).isEqualTo(sha512);
    }

    @Test
    void stockroom_codes_are_the_last_six_digits_of_the_sha1_vectors() {
        TotpSecret secret = new TotpSecret(Base32.encode(SHA1_KEY));

        assertThat(Totp.code(secret, Totp.stepAt(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(secret, Totp.stepAt(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
    }

    @Test
    void accepts_the_codes_of_one_step_either_side_of_now_and_answers_their_step() {
        TotpSecret secret = new TotpSecret(Base32.encode(SHA1_KEY));
        Instant now = Instant.ofEpochSecond(1111111111);
        long current = Totp.stepAt(now);

        for (long step = current - 1; step <= current + 1; step++) {
            assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).hasValue(step);
        }
        assertThat(Totp.matchingStep(secret, Totp.code(secret, current - 2), now))
                .isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, current + 2), now))
                .isEmpty();
        assertThat(Totp.matchingStep(secret, "000000", now)).isEmpty();
    }

    @Test
    void encodes_and_decodes_the_rfc_4648_base32_vectors() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(Base32.encode(new byte[0])).isEmpty();
        assertThat(new String(Base32.decode("mzxw 6ytb oi======"), StandardCharsets.US_ASCII))
                .isEqualTo("foobar");
        assertThat(Base32.encode(SHA1_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_new_secret_is_twenty_random_bytes_and_never_printed() {
        TotpSecret secret = TotpSecret.generate(new SecureRandom());

        assertThat(secret.bytes()).hasSize(20);
        assertThat(secret.base32()).hasSize(32).matches("[A-Z2-7]+");
        assertThat(secret.toString()).doesNotContain(secret.base32());
        assertThat(TotpSecret.generate(new SecureRandom())).isNotEqualTo(secret);
        assertThatThrownBy(() -> new TotpSecret("GEZDGNBV")).isInstanceOf(InvalidValue.class);
    }
}

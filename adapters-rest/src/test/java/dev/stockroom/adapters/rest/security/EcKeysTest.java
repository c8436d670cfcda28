package dev.stockroom.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class EcKeysTest {
    /** {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256}: a test key, never used elsewhere. */
    static final String OPENSSL_PRIVATE = """
            -----BEGIN PRIVATE KEY-----
            MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgoFJC8yPdk+IQAYcl
            T1nrr8sxVXTMEFaJeNMFqwYXcNahRANCAAR4cZ2zPf1y6REXq/pvhZ7uEqKaLL0L
            ftMwpIiTBLgAOJ3WxaWG1OMAE+ZYuf70GJoKXYj/QnyYITZDnpbCnKO0
            -----END PRIVATE KEY-----
            """;
    /** The same key with no public point ({@code openssl ec -no_public | openssl pkcs8 -topk8 -nocrypt}). */
    static final String OPENSSL_PRIVATE_ONLY = """
            -----BEGIN PRIVATE KEY-----
            MEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBCCgUkLzI92T4hABhyVP
            WeuvyzFVdMwQVol40wWrBhdw1g==
            -----END PRIVATE KEY-----
            """;
    /** {@code openssl pkey -pubout} of the same key. */
    static final String OPENSSL_PUBLIC = """
            -----BEGIN PUBLIC KEY-----
            MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEeHGdsz39cukRF6v6b4We7hKimiy9
            C37TMKSIkwS4ADid1sWlhtTjABPmWLn+9BiaCl2I/0J8mCE2Q56WwpyjtA==
            -----END PUBLIC KEY-----
            """;

    @Test
    void an_openssl_key_is_read_and_its_public_key_computed_even_when_the_file_leaves_it_out() {
        ECPublicKey published = EcKeys.publicKey(OPENSSL_PUBLIC);

        assertThat(EcKeys.privateKey(OPENSSL_PRIVATE).getPublic()).isEqualTo(published);
        assertThat(EcKeys.privateKey(OPENSSL_PRIVATE_ONLY).getPublic()).isEqualTo(published);
        assertThat(EcKeys.publicKey(OPENSSL_PRIVATE_ONLY)).isEqualTo(published);
    }

    @Test
    void a_generated_key_survives_its_pem_and_keeps_its_thumbprint() {
        KeyPair generated = EcKeys.generate(new SecureRandom());

        KeyPair read = EcKeys.privateKey(EcKeys.toPem(generated.getPrivate()));

        assertThat(read.getPrivate()).isEqualTo(generated.getPrivate());
        assertThat(read.getPublic()).isEqualTo(generated.getPublic());
        assertThat(EcKeys.thumbprint((ECPublicKey) read.getPublic()))
                .isEqualTo(EcKeys.thumbprint((ECPublicKey) generated.getPublic()))
                .matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void different_keys_have_different_thumbprints() {
        ECPublicKey a = (ECPublicKey) EcKeys.generate(new SecureRandom()).getPublic();
        ECPublicKey b = (ECPublicKey) EcKeys.generate(new SecureRandom()).getPublic();

        assertThat(EcKeys.thumbprint(a)).isNotEqualTo(EcKeys.thumbprint(b));
    }

    @Test
    void coordinates_are_32_bytes_each_even_with_leading_zeros() {
        for (int i = 0; i < 64; i++) {
            ECPublicKey key = (ECPublicKey) EcKeys.generate(new SecureRandom()).getPublic();
            assertThat(EcKeys.x(key)).hasSize(43);
            assertThat(EcKeys.y(key)).hasSize(43);
        }
    }

    @Test
    void anything_but_a_pkcs8_p256_private_key_is_refused_with_one_explanation() throws Exception {
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        // Its middle line left out: the DER inside ends early.
        String corrupted =
                OPENSSL_PRIVATE.replace("T1nrr8sxVXTMEFaJeNMFqwYXcNahRANCAAR4cZ2zPf1y6REXq/pvhZ7uEqKaLL0L\n", "");

        for (String wrong : new String[] {
            "",
            "not a key",
            OPENSSL_PUBLIC,
            corrupted,
            OPENSSL_PRIVATE.replace("-----END PRIVATE KEY-----", ""),
            EcKeys.toPem(p384.generateKeyPair().getPrivate()),
            EcKeys.toPem(rsa.generateKeyPair().getPrivate())
        }) {
            assertThatThrownBy(() -> EcKeys.privateKey(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(EcKeys.NOT_A_PRIVATE_KEY);
        }
        assertThatThrownBy(() -> EcKeys.publicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(EcKeys.NOT_A_KEY);
    }
}

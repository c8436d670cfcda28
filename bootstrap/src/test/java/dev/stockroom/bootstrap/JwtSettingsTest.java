package dev.stockroom.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.adapters.rest.security.EcKeys;
import dev.stockroom.adapters.rest.security.TokenSettings;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwt:} as Dropwizard builds it from a file and {@code STOCKROOM_*}, and the keys it resolves. */
class JwtSettingsTest {
    private static final KeyPair A = EcKeys.generate(new SecureRandom());
    private static final KeyPair B = EcKeys.generate(new SecureRandom());
    private final YamlConfigurationFactory<StockroomConfiguration> factory = new YamlConfigurationFactory<>(
            StockroomConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
    private final SecureRandom random = new SecureRandom();

    @TempDir
    Path dataDir;

    private StockroomConfiguration fromYaml(String yaml, Map<String, String> env) throws Exception {
        Path file = Files.writeString(dataDir.resolve("config.yml"), yaml);
        return EnvironmentOverrides.apply(
                factory.build(new io.dropwizard.configuration.FileConfigurationSourceProvider(), file.toString()), env);
    }

    private static String kid(KeyPair key) {
        return EcKeys.thumbprint((ECPublicKey) key.getPublic());
    }

    private static String indented(String pem) {
        return pem.strip().replace("\n", "\n    ");
    }

    @Test
    void with_nothing_configured_es256_keys_are_generated_once_owner_only_and_keep_their_kid() throws Exception {
        StockroomConfiguration config = EnvironmentOverrides.apply(factory.build(), Map.of());

        TokenSettings first = config.jwt.toSettings(dataDir, random);
        TokenSettings afterRestart = config.jwt.toSettings(dataDir, random);

        assertThat(first.algorithm()).isEqualTo(TokenSettings.Algorithm.ES256);
        assertThat(afterRestart.currentKeyId()).isEqualTo(first.currentKeyId());
        Path file = dataDir.resolve(JwtKeys.ES256_KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(dataDir.resolve(JwtKeys.KEY_FILE)).doesNotExist();
    }

    @Test
    void hs256_by_configuration_keeps_the_generated_secret_as_before() throws Exception {
        StockroomConfiguration config = fromYaml("jwt:\n  algorithm: HS256\n", Map.of());

        TokenSettings settings = config.jwt.toSettings(dataDir, random);

        assertThat(settings.algorithm()).isEqualTo(TokenSettings.Algorithm.HS256);
        assertThat(settings.verificationKeys()).isEmpty();
        assertThat(Base64.getDecoder()
                        .decode(Files.readString(dataDir.resolve(JwtKeys.KEY_FILE))
                                .strip()))
                .isEqualTo(settings.key());
        assertThat(dataDir.resolve(JwtKeys.ES256_KEY_FILE)).doesNotExist();
    }

    @Test
    void hs256_takes_the_configured_secret() throws Exception {
        String secret = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        StockroomConfiguration config = fromYaml("jwt:\n  algorithm: HS256\n", Map.of("STOCKROOM_JWT_SECRET", secret));

        assertThat(config.jwt.toSettings(dataDir, random).key())
                .isEqualTo(Base64.getDecoder().decode(secret));
    }

    @Test
    void the_private_key_and_retired_keys_are_read_from_the_file_as_pem_or_paths() throws Exception {
        Path retired = Files.writeString(dataDir.resolve("old.pem"), EcKeys.toPem(A.getPrivate()));
        StockroomConfiguration config = fromYaml(
                "jwt:\n  privateKey: |\n    " + indented(EcKeys.toPem(B.getPrivate())) + "\n  retiredKeys:\n    - "
                        + retired + "\n",
                Map.of());

        TokenSettings settings = config.jwt.toSettings(dataDir, random);

        assertThat(settings.currentKeyId()).isEqualTo(kid(B));
        assertThat(settings.verificationKeys().keySet()).containsExactly(kid(B), kid(A));
        assertThat(dataDir.resolve(JwtKeys.ES256_KEY_FILE)).doesNotExist();
    }

    @Test
    void the_variable_gives_the_private_key_as_pem_even_with_escaped_line_breaks() throws Exception {
        String escaped = EcKeys.toPem(A.getPrivate()).replace("\n", "\\n");
        StockroomConfiguration config = fromYaml(
                "jwt:\n  privateKey: " + dataDir.resolve("not-read.pem") + "\n",
                Map.of("STOCKROOM_JWT_PRIVATE_KEY", escaped));

        assertThat(config.jwt.toSettings(dataDir, random).currentKeyId()).isEqualTo(kid(A));
    }

    @Test
    void the_algorithm_variable_chooses_hs256_and_refuses_any_other_name() throws Exception {
        assertThat(fromYaml("dataDir: " + dataDir + "\n", Map.of("STOCKROOM_JWT_ALGORITHM", "hs256")).jwt.algorithm)
                .isEqualTo("HS256");
        assertThatThrownBy(() -> fromYaml("dataDir: " + dataDir + "\n", Map.of("STOCKROOM_JWT_ALGORITHM", "RS256")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("STOCKROOM_JWT_ALGORITHM must be ES256 or HS256, not 'RS256'");
    }

    @Test
    void bad_key_material_stops_the_start_with_one_line_naming_the_setting_and_variable() throws Exception {
        String notEc = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----";

        assertThatThrownBy(() -> fromYaml("dataDir: " + dataDir + "\n", Map.of("STOCKROOM_JWT_PRIVATE_KEY", notEc)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jwt.privateKey / STOCKROOM_JWT_PRIVATE_KEY: not a PEM PKCS#8 EC P-256 private key")
                .hasNoCause();
        assertThatThrownBy(() -> fromYaml("jwt:\n  privateKey: " + dataDir.resolve("missing.pem") + "\n", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("jwt.privateKey / STOCKROOM_JWT_PRIVATE_KEY: neither PEM nor a readable file")
                .hasNoCause();
        assertThatThrownBy(() -> fromYaml(
                        "jwt:\n  retiredKeys:\n    - |\n      " + notEc.replace("\n", "\n      ") + "\n", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("jwt.retiredKeys[0]: not a PEM EC P-256 key")
                .hasNoCause();
        assertThat(dataDir.resolve(JwtKeys.ES256_KEY_FILE)).doesNotExist();
    }

    @Test
    void under_hs256_no_private_key_is_read() throws Exception {
        StockroomConfiguration config =
                fromYaml("jwt:\n  algorithm: HS256\n", Map.of("STOCKROOM_JWT_PRIVATE_KEY", "/no/such/key.pem"));

        assertThat(config.jwt.toSettings(dataDir, random).algorithm()).isEqualTo(TokenSettings.Algorithm.HS256);
    }

    @Test
    void an_unknown_algorithm_is_refused_by_validation() {
        assertThatThrownBy(() -> fromYaml("jwt:\n  algorithm: RS256\n", Map.of()))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("jwt.algorithm must be ES256 or HS256");
    }
}

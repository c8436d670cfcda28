package dev.stockroom.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwksResourceTest {
    private static final KeyPair CURRENT = EcKeys.generate(new SecureRandom());
    private static final KeyPair RETIRED = EcKeys.generate(new SecureRandom());

    @SuppressWarnings("unchecked") // the resource's own body: a map of a list of maps
    private static List<Map<String, String>> keys(Response response) {
        return ((Map<String, List<Map<String, String>>>) response.getEntity()).get("keys");
    }

    @Test
    void the_current_and_the_retired_public_keys_are_published_as_jwks_and_may_be_cached() {
        Response response = new JwksResource(TokenSettings.es256(
                        CURRENT, List.of((ECPublicKey) RETIRED.getPublic()), "stockroom", "stockroom-api"))
                .keys();

        ECPublicKey current = (ECPublicKey) CURRENT.getPublic();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(keys(response))
                .containsExactly(
                        Map.of(
                                "kty", "EC",
                                "crv", "P-256",
                                "x", EcKeys.x(current),
                                "y", EcKeys.y(current),
                                "kid", EcKeys.thumbprint(current),
                                "use", "sig",
                                "alg", "ES256"),
                        Map.of(
                                "kty", "EC",
                                "crv", "P-256",
                                "x", EcKeys.x((ECPublicKey) RETIRED.getPublic()),
                                "y", EcKeys.y((ECPublicKey) RETIRED.getPublic()),
                                "kid", EcKeys.thumbprint((ECPublicKey) RETIRED.getPublic()),
                                "use", "sig",
                                "alg", "ES256"));
    }

    @Test
    void no_private_part_is_ever_published() {
        Response response =
                new JwksResource(TokenSettings.es256(CURRENT, List.of(), "stockroom", "stockroom-api")).keys();

        assertThat(keys(response))
                .singleElement()
                .satisfies(jwk -> assertThat(jwk).containsOnlyKeys("kty", "crv", "x", "y", "kid", "use", "alg"));
    }

    @Test
    void under_hs256_the_set_is_empty() {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        assertThat(keys(new JwksResource(new TokenSettings(secret, "stockroom", "stockroom-api")).keys()))
                .isEmpty();
    }
}

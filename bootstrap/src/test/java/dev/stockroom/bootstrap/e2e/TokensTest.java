package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.stockroom.adapters.rest.security.EcKeys;
import dev.stockroom.bootstrap.StockroomConfiguration;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The access tokens as another service sees them: fetched over real HTTP, verified through
 * {@code /.well-known/jwks.json} with Nimbus JOSE+JWT, a JWT library other than the JJWT that
 * signs them. Three instances on one database: {@link #current()} signs with key A; {@link
 * #rotated()} is the same service restarted with key B current and A retired; {@link #hs256()}
 * is configured for HS256. Subclasses choose the database.
 */
abstract class TokensTest {
    static final KeyPair A = EcKeys.generate(new SecureRandom());
    static final KeyPair B = EcKeys.generate(new SecureRandom());
    static final String KID_A = EcKeys.thumbprint((ECPublicKey) A.getPublic());
    static final String KID_B = EcKeys.thumbprint((ECPublicKey) B.getPublic());

    abstract RunningStockroom current();

    abstract RunningStockroom rotated();

    abstract RunningStockroom hs256();

    /** Key A, as PEM text in the setting. */
    static void signingWithA(StockroomConfiguration config) {
        config.jwt.privateKey = EcKeys.toPem(A.getPrivate());
    }

    /** Key B from a file, A retired as the public key PEM. */
    static void rotatedToB(StockroomConfiguration config) {
        try {
            Path file = Files.createTempFile("stockroom-jwt-b", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, EcKeys.toPem(B.getPrivate()));
            config.jwt.privateKey = file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.jwt.retiredKeys = List.of(publicPem(A.getPublic()));
    }

    static void onHs256(StockroomConfiguration config) {
        config.jwt.algorithm = "HS256";
    }

    private static String publicPem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Registers on {@code on}, verifies the address, and returns the verified session's access token. */
    static String accessToken(RunningStockroom on) {
        return accessToken(on, AccountFlowsTest.unique());
    }

    static String accessToken(RunningStockroom on, String username) {
        Reply registered = on.http.post("/users/register/", AccountFlowsTest.registration(username));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Reply verified = on.http.post(
                "/users/verify/",
                map("code", on.code(AccountFlowsTest.email(username), 1)),
                registered.text("access_token"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return verified.text("access_token");
    }

    static String login(RunningStockroom on, String username) {
        Reply reply = on.http.post("/users/login/", map("username", username, "password", AccountFlowsTest.PASSWORD));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.text("access_token");
    }

    static JWKSet jwks(RunningStockroom on) throws Exception {
        Reply reply = on.http.get("/.well-known/jwks.json", null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("Cache-Control")).isEqualTo("public, max-age=300");
        return JWKSet.parse(new String(reply.bytes(), StandardCharsets.UTF_8));
    }

    /** What a resource server does with Nimbus: the signature by the JWKS, ES256 only, and the claims. */
    static JWTClaimsSet verifiedByNimbus(String token, JWKSet keys) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                "stockroom-api",
                new JWTClaimsSet.Builder()
                        .issuer("stockroom")
                        .claim("typ", "access")
                        .build(),
                Set.of("sub", "sid", "exp", "iat", "jti")));
        return processor.process(token, null);
    }

    @Test
    void another_jwt_library_verifies_an_access_token_with_the_published_keys() throws Exception {
        String token = accessToken(current());
        JWKSet keys = jwks(current());

        JWTClaimsSet claims = verifiedByNimbus(token, keys);

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(KID_A);
        assertThat(claims.getSubject()).isNotBlank();
        assertThat(claims.getStringClaim("auth_status")).isEqualTo("VERIFIED");
        JWK published = keys.getKeyByKeyId(KID_A);
        assertThat(published).isInstanceOf(ECKey.class);
        // The kid is the key's RFC 7638 thumbprint, as Nimbus computes it.
        assertThat(published.computeThumbprint().toString()).isEqualTo(KID_A);
        assertThat(published.isPrivate()).isFalse();
        assertThat(published.getKeyUse().identifier()).isEqualTo("sig");
        assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(((ECKey) published).toECPublicKey()).isEqualTo(A.getPublic());
        assertThat(current().http.get("/users/me/", token).status()).isEqualTo(200);
    }

    @Test
    void a_token_altered_after_signing_fails_verification_by_the_other_library_too() throws Exception {
        String token = accessToken(current());
        String[] parts = token.split("\\.", -1);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String altered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(claims.replace("\"VERIFIED\"", "\"VERIFIED\",\"x\":1")
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        JWKSet keys = jwks(current());

        assertThatThrownBy(() -> verifiedByNimbus(altered, keys)).isInstanceOf(BadJOSEException.class);
        assertThat(current().http.get("/users/me/", altered).status()).isEqualTo(401);
    }

    @Test
    void after_a_rotation_a_token_of_the_retired_key_still_verifies_and_new_tokens_use_the_new_key() throws Exception {
        String username = AccountFlowsTest.unique();
        String signedWithA = accessToken(current(), username);
        assertThat(SignedJWT.parse(signedWithA).getHeader().getKeyID()).isEqualTo(KID_A);

        JWKSet afterRotation = jwks(rotated());

        assertThat(afterRotation.getKeys()).extracting(JWK::getKeyID).containsExactly(KID_B, KID_A);
        assertThat(rotated().http.get("/users/me/", signedWithA).status()).isEqualTo(200);
        verifiedByNimbus(signedWithA, afterRotation);
        String signedWithB = login(rotated(), username);
        assertThat(SignedJWT.parse(signedWithB).getHeader().getKeyID()).isEqualTo(KID_B);
        verifiedByNimbus(signedWithB, afterRotation);
        // The instance that knows only A refuses B's tokens, and so does anyone holding its JWKS.
        assertThat(current().http.get("/users/me/", signedWithB).status()).isEqualTo(401);
        JWKSet beforeRotation = jwks(current());
        assertThat(beforeRotation.getKeys()).extracting(JWK::getKeyID).containsExactly(KID_A);
        assertThatThrownBy(() -> verifiedByNimbus(signedWithB, beforeRotation)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void under_hs256_tokens_are_hmac_signed_as_before_and_the_set_is_empty() throws Exception {
        String token = accessToken(hs256());

        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isNull();
        assertThat(hs256().http.get("/users/me/", token).status()).isEqualTo(200);
        assertThat(jwks(hs256()).getKeys()).isEmpty();
        // Pinned both ways: each instance refuses the other algorithm's tokens.
        assertThat(current().http.get("/users/me/", token).status()).isEqualTo(401);
        assertThat(hs256().http.get("/users/me/", accessToken(current())).status())
                .isEqualTo(401);
    }
}

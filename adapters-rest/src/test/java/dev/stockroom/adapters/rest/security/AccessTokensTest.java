package dev.stockroom.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.testing.MutableClock;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    private static final byte[] KEY =
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final KeyPair A = EcKeys.generate(new SecureRandom());
    private static final KeyPair B = EcKeys.generate(new SecureRandom());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    /** The default: ES256 with key A. */
    private final AccessTokens tokens = es256(A);

    private final AccessTokens hs256 = new AccessTokens(new TokenSettings(KEY, "stockroom", "stockroom-api"), clock);
    private final UserId user = UserId.random();
    private final SessionId session = SessionId.random();

    private SessionGrant grant(SessionKind kind) {
        return new SessionGrant(
                user,
                session,
                kind,
                AuthStatus.VERIFIED,
                Role.USER,
                Optional.empty(),
                clock.instant().plus(Duration.ofMinutes(10)));
    }

    private AccessTokens es256(KeyPair current, KeyPair... retired) {
        List<ECPublicKey> old = new ArrayList<>();
        for (KeyPair key : retired) {
            old.add((ECPublicKey) key.getPublic());
        }
        return new AccessTokens(TokenSettings.es256(current, old, "stockroom", "stockroom-api"), clock);
    }

    private static String kid(KeyPair key) {
        return EcKeys.thumbprint((ECPublicKey) key.getPublic());
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.", -1)[0]), StandardCharsets.UTF_8);
    }

    /** A token with our claims, built and signed by the test. */
    private JwtBuilder ours() {
        return Jwts.builder()
                .subject(user.toString())
                .claim("sid", session.toString())
                .claim("typ", "access")
                .issuer("stockroom")
                .audience()
                .add("stockroom-api")
                .and()
                .expiration(Date.from(clock.instant().plusSeconds(600)));
    }

    @Test
    void a_minted_token_verifies_and_names_its_session() {
        String token = tokens.mint(grant(SessionKind.LOGIN));

        assertThat(tokens.verify(token)).contains(new AccessTokens.VerifiedToken(user, session, SessionKind.LOGIN));
        assertThat(tokens.verify(tokens.mint(grant(SessionKind.PASSWORD_RESET)))
                        .orElseThrow()
                        .kind())
                .isEqualTo(SessionKind.PASSWORD_RESET);
    }

    @Test
    void the_token_carries_the_claims_the_design_lists() {
        String payload = new String(
                Base64.getUrlDecoder()
                        .decode(tokens.mint(grant(SessionKind.LOGIN)).split("\\.", -1)[1]),
                StandardCharsets.UTF_8);

        assertThat(payload)
                .contains(
                        "\"sub\":\"" + user + "\"",
                        "\"sid\":\"" + session + "\"",
                        "\"auth_status\":\"VERIFIED\"",
                        "\"typ\":\"access\"",
                        "\"iss\":\"stockroom\"",
                        "\"aud\"",
                        "\"iat\"",
                        "\"exp\"");
    }

    @Test
    void an_es256_token_names_its_key_by_the_thumbprint_and_an_hs256_token_names_none() {
        assertThat(header(tokens.mint(grant(SessionKind.LOGIN))))
                .contains("\"alg\":\"ES256\"", "\"typ\":\"JWT\"", "\"kid\":\"" + kid(A) + "\"");
        assertThat(header(hs256.mint(grant(SessionKind.LOGIN))))
                .contains("\"alg\":\"HS256\"", "\"typ\":\"JWT\"")
                .doesNotContain("kid");
        assertThat(es256(A).settings().currentKeyId()).isEqualTo(kid(A));
    }

    @Test
    void hs256_by_configuration_mints_tokens_that_verify_and_only_there() {
        String token = hs256.mint(grant(SessionKind.LOGIN));

        assertThat(hs256.verify(token)).contains(new AccessTokens.VerifiedToken(user, session, SessionKind.LOGIN));
        assertThat(tokens.verify(token)).isEmpty();
        assertThat(hs256.verify(tokens.mint(grant(SessionKind.LOGIN)))).isEmpty();
    }

    @Test
    void an_hs256_token_is_refused_under_es256_even_keyed_with_the_public_key() {
        // The algorithm-confusion forgery: HMAC keyed with what the JWKS publishes.
        byte[] publicKey = A.getPublic().getEncoded();
        String confused = ours().header()
                .keyId(kid(A))
                .and()
                .signWith(new SecretKeySpec(publicKey, "HmacSHA256"), Jwts.SIG.HS256)
                .compact();
        String withTheSecret = ours().header()
                .keyId(kid(A))
                .and()
                .signWith(new SecretKeySpec(KEY, "HmacSHA256"), Jwts.SIG.HS256)
                .compact();

        assertThat(tokens.verify(confused)).isEmpty();
        assertThat(tokens.verify(withTheSecret)).isEmpty();
        assertThat(hs256.verify(withTheSecret)).isPresent();
    }

    @Test
    void a_token_with_an_unknown_kid_or_none_is_refused() {
        String signedByB = ours().header()
                .keyId(kid(B))
                .and()
                .signWith(B.getPrivate(), Jwts.SIG.ES256)
                .compact();
        String bPosingAsA = ours().header()
                .keyId(kid(A))
                .and()
                .signWith(B.getPrivate(), Jwts.SIG.ES256)
                .compact();
        String noKid = ours().signWith(A.getPrivate(), Jwts.SIG.ES256).compact();
        String rightKid = ours().header()
                .keyId(kid(A))
                .and()
                .signWith(A.getPrivate(), Jwts.SIG.ES256)
                .compact();

        assertThat(tokens.verify(signedByB)).isEmpty();
        assertThat(tokens.verify(bPosingAsA)).isEmpty();
        assertThat(tokens.verify(noKid)).isEmpty();
        assertThat(tokens.verify(rightKid)).isPresent();
    }

    @Test
    void after_a_rotation_tokens_of_the_retired_key_verify_and_new_ones_are_signed_with_the_current() {
        String beforeRotation = es256(A).mint(grant(SessionKind.LOGIN));

        AccessTokens rotated = es256(B, A);

        assertThat(rotated.verify(beforeRotation))
                .contains(new AccessTokens.VerifiedToken(user, session, SessionKind.LOGIN));
        String afterRotation = rotated.mint(grant(SessionKind.LOGIN));
        assertThat(header(afterRotation)).contains(kid(B));
        assertThat(rotated.verify(afterRotation)).isPresent();
        assertThat(rotated.settings().verificationKeys().keySet()).containsExactly(kid(B), kid(A));
        // Once the retired key is dropped, its tokens stop verifying.
        assertThat(es256(B).verify(beforeRotation)).isEmpty();
        assertThat(es256(A).verify(afterRotation)).isEmpty();
    }

    @Test
    void an_expired_token_is_refused() {
        String token = tokens.mint(grant(SessionKind.LOGIN));
        clock.advance(Duration.ofMinutes(11));

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void alg_none_is_refused() {
        String unsigned = ours().compact();

        assertThat(unsigned).endsWith(".");
        assertThat(tokens.verify(unsigned)).isEmpty();
        assertThat(hs256.verify(unsigned)).isEmpty();
    }

    @Test
    void another_algorithm_is_refused_even_with_the_right_key() {
        String hs512 = ours().signWith(new SecretKeySpec(KEY, "HmacSHA512"), Jwts.SIG.HS512)
                .compact();
        String es384 = ours().header()
                .keyId(kid(A))
                .and()
                .signWith(EcKeys.generate(new SecureRandom()).getPrivate(), Jwts.SIG.ES256)
                .compact()
                .replaceFirst(
                        "^[^.]+",
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(("{\"alg\":\"ES384\",\"kid\":\"" + kid(A) + "\"}")
                                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(hs256.verify(hs512)).isEmpty();
        assertThat(tokens.verify(hs512)).isEmpty();
        assertThat(tokens.verify(es384)).isEmpty();
    }

    @Test
    void a_token_that_verified_is_refused_once_it_expires() {
        String token = tokens.mint(grant(SessionKind.LOGIN));
        assertThat(tokens.verify(token)).isPresent();
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(tokens.verify(token)).isPresent();

        clock.advance(Duration.ofMillis(1));

        assertThat(tokens.verify(token)).isEmpty();
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void a_token_tampered_after_the_original_verified_is_still_refused() {
        String token = tokens.mint(grant(SessionKind.LOGIN));
        assertThat(tokens.verify(token)).isPresent();
        String[] parts = token.split("\\.", -1);
        // A character in the middle: the last one of a Base64 HMAC also carries unused bits.
        char middle = parts[2].charAt(5);
        String otherSignature = parts[2].substring(0, 5) + (middle == 'A' ? 'B' : 'A') + parts[2].substring(6);

        assertThat(tokens.verify(parts[0] + "." + parts[1] + "." + otherSignature))
                .isEmpty();
        assertThat(tokens.verify(token + " ")).isEmpty();
    }

    @Test
    void more_live_tokens_than_it_remembers_all_keep_verifying() {
        // HS256: the memory is the same for both algorithms, and ten thousand ES256 signatures take minutes here.
        List<String> minted = new ArrayList<>();
        for (int i = 0; i < AccessTokens.MAX_REMEMBERED + 50; i++) {
            minted.add(hs256.mint(new SessionGrant(
                    user,
                    SessionId.random(),
                    SessionKind.LOGIN,
                    AuthStatus.VERIFIED,
                    Role.USER,
                    Optional.empty(),
                    clock.instant().plus(Duration.ofMinutes(10)))));
        }

        assertThat(minted).allSatisfy(token -> assertThat(hs256.verify(token)).isPresent());
        assertThat(minted).allSatisfy(token -> assertThat(hs256.verify(token)).isPresent());
    }

    @Test
    void a_tampered_token_is_refused() {
        String[] parts = tokens.mint(grant(SessionKind.LOGIN)).split("\\.", -1);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(user.toString(), UserId.random().toString());
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];

        assertThat(tokens.verify(forged)).isEmpty();
    }

    @Test
    void a_token_from_another_key_issuer_or_audience_is_refused() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        String token = hs256.mint(grant(SessionKind.LOGIN));

        assertThat(new AccessTokens(new TokenSettings(otherKey, "stockroom", "stockroom-api"), clock).verify(token))
                .isEmpty();
        assertThat(new AccessTokens(new TokenSettings(KEY, "other", "stockroom-api"), clock).verify(token))
                .isEmpty();
        assertThat(new AccessTokens(new TokenSettings(KEY, "stockroom", "other"), clock).verify(token))
                .isEmpty();
        String es = tokens.mint(grant(SessionKind.LOGIN));
        assertThat(es256(B).verify(es)).isEmpty();
        assertThat(new AccessTokens(TokenSettings.es256(A, List.of(), "other", "stockroom-api"), clock).verify(es))
                .isEmpty();
        assertThat(new AccessTokens(TokenSettings.es256(A, List.of(), "stockroom", "other"), clock).verify(es))
                .isEmpty();
    }

    @Test
    void garbage_is_refused_without_an_exception() {
        assertThat(tokens.verify("not.a.jwt")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(hs256.verify("not.a.jwt")).isEmpty();
    }

    @Test
    void keys_shorter_than_256_bits_are_refused() {
        assertThatThrownBy(() -> new TokenSettings(new byte[31], "i", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bits");
    }
}

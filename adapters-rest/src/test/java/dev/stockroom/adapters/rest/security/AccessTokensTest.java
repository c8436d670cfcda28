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
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
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
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final AccessTokens tokens = new AccessTokens(new TokenSettings(KEY, "stockroom", "stockroom-api"), clock);
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
    void an_expired_token_is_refused() {
        String token = tokens.mint(grant(SessionKind.LOGIN));
        clock.advance(Duration.ofMinutes(11));

        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void alg_none_is_refused() {
        String unsigned = Jwts.builder()
                .subject(user.toString())
                .claim("sid", session.toString())
                .claim("typ", "access")
                .issuer("stockroom")
                .audience()
                .add("stockroom-api")
                .and()
                .expiration(Date.from(clock.instant().plusSeconds(600)))
                .compact();

        assertThat(unsigned).endsWith(".");
        assertThat(tokens.verify(unsigned)).isEmpty();
    }

    @Test
    void another_algorithm_is_refused_even_with_the_right_key() {
        String hs512 = Jwts.builder()
                .subject(user.toString())
                .claim("sid", session.toString())
                .claim("typ", "access")
                .issuer("stockroom")
                .audience()
                .add("stockroom-api")
                .and()
                .expiration(Date.from(clock.instant().plusSeconds(600)))
                .signWith(new SecretKeySpec(KEY, "HmacSHA512"), Jwts.SIG.HS512)
                .compact();

        assertThat(tokens.verify(hs512)).isEmpty();
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
        List<String> minted = new ArrayList<>();
        for (int i = 0; i < AccessTokens.MAX_REMEMBERED + 50; i++) {
            minted.add(tokens.mint(new SessionGrant(
                    user,
                    SessionId.random(),
                    SessionKind.LOGIN,
                    AuthStatus.VERIFIED,
                    Role.USER,
                    Optional.empty(),
                    clock.instant().plus(Duration.ofMinutes(10)))));
        }

        assertThat(minted).allSatisfy(token -> assertThat(tokens.verify(token)).isPresent());
        assertThat(minted).allSatisfy(token -> assertThat(tokens.verify(token)).isPresent());
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
        String token = tokens.mint(grant(SessionKind.LOGIN));

        assertThat(new AccessTokens(new TokenSettings(otherKey, "stockroom", "stockroom-api"), clock).verify(token))
                .isEmpty();
        assertThat(new AccessTokens(new TokenSettings(KEY, "other", "stockroom-api"), clock).verify(token))
                .isEmpty();
        assertThat(new AccessTokens(new TokenSettings(KEY, "stockroom", "other"), clock).verify(token))
                .isEmpty();
    }

    @Test
    void garbage_is_refused_without_an_exception() {
        assertThat(tokens.verify("not.a.jwt")).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void keys_shorter_than_256_bits_are_refused() {
        assertThatThrownBy(() -> new TokenSettings(new byte[31], "i", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bits");
    }
}

package dev.stockroom.adapters.rest.security;

import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.SessionGrant;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and verifies the JWTs that name a session. The algorithm is pinned to HS256: tokens that
 * say {@code none}, or any other algorithm, are refused by the parser before the signature is
 * looked at. A verified token only says which session it names; whether that session is still
 * live is asked of the core on every request.
 *
 * <p>Verifying a token (HMAC, Base64, JSON, claims checks) cost a tenth of an authenticated
 * request's time, and a client sends the same token for its ten minutes, so a token that verified
 * is remembered, under the SHA-256 of its text, until it expires: the same text gives the same
 * answer until then, so nothing but the work changes. At most {@value #MAX_REMEMBERED} are kept.
 */
public final class AccessTokens {
    static final String SESSION = "sid";
    static final String AUTH_STATUS = "auth_status";
    static final String TYPE = "typ";
    static final String ACCESS = "access";
    static final String RESET = "reset";
    static final int MAX_REMEMBERED = 10_000;

    private final SecretKey key;
    private final TokenSettings settings;
    private final Clock clock;
    private final JwtParser parser;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    public AccessTokens(TokenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.key = new SecretKeySpec(settings.key(), "HmacSHA256");
        this.parser = Jwts.parser()
                .sig()
                .clear()
                .add(Jwts.SIG.HS256)
                .and()
                .verifyWith(key)
                .requireIssuer(settings.issuer())
                .requireAudience(settings.audience())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /** A signed token for the grant's session, expiring at the grant's {@code tokenExpiresAt}. */
    public String mint(SessionGrant grant) {
        Instant now = clock.instant();
        return Jwts.builder()
                .header()
                .type("JWT")
                .and()
                .id(UUID.randomUUID().toString())
                .subject(grant.userId().toString())
                .claim(SESSION, grant.sessionId().toString())
                .claim(AUTH_STATUS, grant.status().name())
                .claim(TYPE, grant.kind() == SessionKind.PASSWORD_RESET ? RESET : ACCESS)
                .issuer(settings.issuer())
                .audience()
                .add(settings.audience())
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(grant.tokenExpiresAt()))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    /** The claims of a well-signed, unexpired token of ours; empty for anything else. */
    public Optional<VerifiedToken> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        String digest = digest(token);
        Instant now = clock.instant();
        Remembered known = remembered.get(digest);
        if (known != null) {
            if (now.isBefore(known.expiresAt())) {
                return Optional.of(known.token());
            }
            remembered.remove(digest, known);
            return Optional.empty();
        }
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            String type = claims.get(TYPE, String.class);
            SessionKind kind =
                    ACCESS.equals(type) ? SessionKind.LOGIN : RESET.equals(type) ? SessionKind.PASSWORD_RESET : null;
            // RFC 7519: valid only before exp (the parser lets the very instant of exp through).
            if (kind == null
                    || claims.getSubject() == null
                    || claims.getExpiration() == null
                    || !now.isBefore(claims.getExpiration().toInstant())) {
                return Optional.empty();
            }
            VerifiedToken verified = new VerifiedToken(
                    UserId.parse(claims.getSubject()), SessionId.parse(claims.get(SESSION, String.class)), kind);
            remember(digest, new Remembered(verified, claims.getExpiration().toInstant()), now);
            return Optional.of(verified);
        } catch (JwtException | IllegalArgumentException e) {
            // InvalidValue is an IllegalArgumentException: a malformed sub or sid is just a bad token.
            return Optional.empty();
        }
    }

    private void remember(String digest, Remembered token, Instant now) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.values().removeIf(r -> !now.isBefore(r.expiresAt()));
            if (remembered.size() >= MAX_REMEMBERED) {
                // More live tokens than we keep: start over rather than track recency on every hit.
                remembered.clear();
            }
        }
        remembered.put(digest, token);
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record Remembered(VerifiedToken token, Instant expiresAt) {}

    /** What a verified token names. */
    public record VerifiedToken(UserId userId, SessionId sessionId, SessionKind kind) {}
}

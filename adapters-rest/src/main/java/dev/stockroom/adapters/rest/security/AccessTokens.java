package dev.stockroom.adapters.rest.security;

import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.SessionGrant;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.InvalidKeyException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and verifies the JWTs that name a session. The algorithm is pinned to the one configured,
 * ES256 (the default) or HS256: tokens that say {@code none}, or any other algorithm, are refused
 * by the parser before the signature is looked at, so an HS256 token is refused when ES256 is
 * configured and the other way round. Under ES256 every token carries the {@code kid} of the key
 * that signed it, and one whose {@code kid} names no configured key (current or retired) is
 * refused. A verified token only says which session it names; whether that session is still live
 * is asked of the core on every request.
 *
 * <p>Verifying a token (signature, Base64, JSON, claims checks) cost a tenth of an authenticated
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

    private final Key signingKey;
    private final TokenSettings settings;
    private final Clock clock;
    private final JwtParser parser;
    private final ConcurrentHashMap<String, Remembered> remembered = new ConcurrentHashMap<>();

    public AccessTokens(TokenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        JwtParserBuilder parser = Jwts.parser();
        if (settings.algorithm() == TokenSettings.Algorithm.HS256) {
            SecretKey key = new SecretKeySpec(settings.key(), "HmacSHA256");
            this.signingKey = key;
            parser = parser.sig().clear().add(Jwts.SIG.HS256).and().verifyWith(key);
        } else {
            this.signingKey = settings.current().getPrivate();
            Map<String, ECPublicKey> keys = settings.verificationKeys();
            parser = parser.sig().clear().add(Jwts.SIG.ES256).and().keyLocator(new LocatorAdapter<Key>() {
                @Override
                protected Key locate(JwsHeader header) {
                    String kid = header.getKeyId();
                    ECPublicKey key = kid == null ? null : keys.get(kid);
                    if (key == null) {
                        throw new InvalidKeyException("No configured key has this kid");
                    }
                    return key;
                }
            });
        }
        this.parser = parser.requireIssuer(settings.issuer())
                .requireAudience(settings.audience())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    /** The settings the tokens are minted and verified with: the JWKS publishes their public keys. */
    public TokenSettings settings() {
        return settings;
    }

    /** A signed token for the grant's session, expiring at the grant's {@code tokenExpiresAt}. */
    public String mint(SessionGrant grant) {
        Instant now = clock.instant();
        JwtBuilder builder = Jwts.builder();
        if (settings.algorithm() == TokenSettings.Algorithm.HS256) {
            builder = builder.header().type("JWT").and();
        } else {
            builder =
                    builder.header().type("JWT").keyId(settings.currentKeyId()).and();
        }
        builder = builder.id(UUID.randomUUID().toString())
                .subject(grant.userId().toString())
                .claim(SESSION, grant.sessionId().toString())
                .claim(AUTH_STATUS, grant.status().name())
                .claim(TYPE, grant.kind() == SessionKind.PASSWORD_RESET ? RESET : ACCESS)
                .issuer(settings.issuer())
                .audience()
                .add(settings.audience())
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(grant.tokenExpiresAt()));
        return settings.algorithm() == TokenSettings.Algorithm.HS256
                ? builder.signWith((SecretKey) signingKey, Jwts.SIG.HS256).compact()
                : builder.signWith((PrivateKey) signingKey, Jwts.SIG.ES256).compact();
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

package dev.stockroom.adapters.rest.security;

import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.SessionGrant;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and verifies the JWTs that name a session. The algorithm is pinned to HS256: tokens that
 * say {@code none}, or any other algorithm, are refused by the parser before the signature is
 * looked at. A verified token only says which session it names; whether that session is still
 * live is asked of the core on every request.
 */
public final class AccessTokens {
    static final String SESSION = "sid";
    static final String AUTH_STATUS = "auth_status";
    static final String TYPE = "typ";
    static final String ACCESS = "access";
    static final String RESET = "reset";

    private final SecretKey key;
    private final TokenSettings settings;
    private final Clock clock;
    private final JwtParser parser;

    public AccessTokens(TokenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.key = new SecretKeySpec(settings.key(), "HmacSHA256");
        this.parser = Jwts.parser()
                .sig().clear().add(Jwts.SIG.HS256).and()
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
                .header().type("JWT").and()
                .id(UUID.randomUUID().toString())
                .subject(grant.userId().toString())
                .claim(SESSION, grant.sessionId().toString())
                .claim(AUTH_STATUS, grant.status().name())
                .claim(TYPE, grant.kind() == SessionKind.PASSWORD_RESET ? RESET : ACCESS)
                .issuer(settings.issuer())
                .audience().add(settings.audience()).and()
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
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            String type = claims.get(TYPE, String.class);
            SessionKind kind = ACCESS.equals(type) ? SessionKind.LOGIN
                    : RESET.equals(type) ? SessionKind.PASSWORD_RESET : null;
            if (kind == null || claims.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedToken(UserId.parse(claims.getSubject()),
                    SessionId.parse(claims.get(SESSION, String.class)), kind));
        } catch (JwtException | IllegalArgumentException e) {
            // InvalidValue is an IllegalArgumentException: a malformed sub or sid is just a bad token.
            return Optional.empty();
        }
    }

    /** What a verified token names. */
    public record VerifiedToken(UserId userId, SessionId sessionId, SessionKind kind) {
    }

}

package dev.stockroom.core.account.application;

import dev.stockroom.core.account.domain.AccountPolicy;
import dev.stockroom.core.account.domain.Origin;
import dev.stockroom.core.account.domain.RefreshToken;
import dev.stockroom.core.account.domain.Session;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.User;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.SessionGrant;
import dev.stockroom.core.account.port.out.SessionRepository;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Opens sessions, mints refresh tokens and shapes grants, the same way for every use case. */
final class Sessions {
    private static final int REFRESH_TOKEN_BYTES = 32;
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SessionRepository sessions;
    private final AccountPolicy policy;
    private final SecureRandom random;

    Sessions(SessionRepository sessions, AccountPolicy policy, SecureRandom random) {
        this.sessions = sessions;
        this.policy = policy;
        this.random = random;
    }

    Session openLogin(UserId userId, Instant now, Origin origin) {
        Session session = Session.open(userId, SessionKind.LOGIN, now, now.plus(policy.sessionLifetime()), origin);
        sessions.add(session);
        return session;
    }

    Session openPasswordReset(UserId userId, Instant now, Origin origin) {
        Session session =
                Session.open(userId, SessionKind.PASSWORD_RESET, now, now.plus(policy.resetTokenLifetime()), origin);
        sessions.add(session);
        return session;
    }

    /** Stores a new refresh token of the session (its hash only) and returns the token itself, once. */
    String issueRefreshToken(SessionId sessionId, Instant now) {
        String token = newSecret();
        sessions.addRefreshToken(new RefreshToken(hashOf(token), sessionId, now, null));
        return token;
    }

    /** 256 random bits, URL-safe: a refresh or device token. */
    String newSecret() {
        byte[] bytes = new byte[REFRESH_TOKEN_BYTES];
        random.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    static String hashOf(String refreshToken) {
        return Digests.sha256Hex(refreshToken);
    }

    /** A grant for {@code session}; an access token may live the policy's lifetime, never past the session. */
    SessionGrant grant(User user, Session session, Optional<String> refreshToken, Instant now) {
        Instant accessEnd = now.plus(policy.accessTokenLifetime());
        Instant tokenExpiresAt = accessEnd.isBefore(session.expiresAt()) ? accessEnd : session.expiresAt();
        return new SessionGrant(
                user.id(), session.id(), session.kind(), user.status(), user.role(), refreshToken, tokenExpiresAt);
    }
}

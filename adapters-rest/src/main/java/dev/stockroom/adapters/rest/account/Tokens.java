package dev.stockroom.adapters.rest.account;

import dev.stockroom.adapters.rest.security.AccessTokens;
import dev.stockroom.core.account.port.in.SessionGrant;
import java.time.Clock;
import java.time.Duration;

/** Turns a grant into the token part of a reply. */
final class Tokens {
    private final AccessTokens accessTokens;
    private final Clock clock;

    Tokens(AccessTokens accessTokens, Clock clock) {
        this.accessTokens = accessTokens;
        this.clock = clock;
    }

    AccountJson.Reply reply(String message, SessionGrant grant) {
        long expiresIn = Math.max(
                0, Duration.between(clock.instant(), grant.tokenExpiresAt()).toSeconds());
        return new AccountJson.Reply(
                true,
                message,
                accessTokens.mint(grant),
                grant.refreshToken().orElse(null),
                "Bearer",
                expiresIn,
                grant.status().name(),
                null,
                grant.deviceToken().orElse(null));
    }
}

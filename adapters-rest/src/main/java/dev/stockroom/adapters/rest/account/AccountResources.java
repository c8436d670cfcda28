package dev.stockroom.adapters.rest.account;

import dev.stockroom.adapters.rest.security.AccessTokens;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.Profiles;
import dev.stockroom.core.account.port.in.Registration;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;

/** Registers the account endpoints. */
public final class AccountResources {
    private AccountResources() {
    }

    public static void register(JerseyEnvironment jersey, Registration registration, Authentication authentication,
            PasswordRecovery recovery, Profiles profiles, AccessTokens accessTokens, Clock clock) {
        Tokens tokens = new Tokens(accessTokens, clock);
        jersey.register(new RegistrationResource(registration, tokens));
        jersey.register(new AuthenticationResource(authentication, tokens));
        jersey.register(new PasswordResource(recovery, tokens));
        jersey.register(new ProfileResource(profiles));
    }
}

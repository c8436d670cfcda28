package dev.stockroom.adapters.rest.account;

import dev.stockroom.adapters.rest.security.AccessTokens;
import dev.stockroom.core.account.port.in.AccountDeletion;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.EmailChanges;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.PersonalData;
import dev.stockroom.core.account.port.in.Profiles;
import dev.stockroom.core.account.port.in.Registration;
import dev.stockroom.core.account.port.in.TwoFactorSignIn;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.ProductImages;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/** Registers the account endpoints. */
public final class AccountResources {
    private AccountResources() {}

    public static void register(
            Consumer<Object> jersey,
            Registration registration,
            Authentication authentication,
            PasswordRecovery recovery,
            Profiles profiles,
            EmailChanges emailChanges,
            AccountDeletion deletion,
            PersonalData personalData,
            Catalog catalog,
            ProductImages images,
            AccessTokens accessTokens,
            Clock clock) {
        register(
                jersey,
                registration,
                authentication,
                recovery,
                profiles,
                emailChanges,
                deletion,
                personalData,
                catalog,
                images,
                Optional.empty(),
                accessTokens,
                clock);
    }

    /** As above, with the two-factor endpoints when {@code twoFactor} is given. */
    public static void register(
            Consumer<Object> jersey,
            Registration registration,
            Authentication authentication,
            PasswordRecovery recovery,
            Profiles profiles,
            EmailChanges emailChanges,
            AccountDeletion deletion,
            PersonalData personalData,
            Catalog catalog,
            ProductImages images,
            Optional<TwoFactorSignIn> twoFactor,
            AccessTokens accessTokens,
            Clock clock) {
        Tokens tokens = new Tokens(accessTokens, clock);
        jersey.accept(new RegistrationResource(registration, tokens));
        jersey.accept(new AuthenticationResource(authentication, tokens, clock));
        twoFactor.ifPresent(factors -> jersey.accept(new TwoFactorResource(factors, authentication, tokens)));
        jersey.accept(new PasswordResource(recovery, tokens));
        jersey.accept(new ProfileResource(profiles));
        jersey.accept(new EmailChangeResource(emailChanges));
        jersey.accept(new MyDataResource(deletion, personalData, catalog, images));
    }
}

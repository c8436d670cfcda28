package dev.stockroom.adapters.rest;

import dev.stockroom.adapters.rest.account.AccountResources;
import dev.stockroom.adapters.rest.error.ErrorMappers;
import dev.stockroom.adapters.rest.http.HttpFilters;
import dev.stockroom.adapters.rest.security.AccessTokens;
import dev.stockroom.adapters.rest.security.BearerAuth;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.Profiles;
import dev.stockroom.core.account.port.in.Registration;
import java.util.function.Consumer;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the HTTP API needs from the core, and the one call that puts the API on a Jersey
 * environment (the Dropwizard service's, or a test's {@code ResourceExtension}).
 */
public record StockroomApi(Registration registration, Authentication authentication, PasswordRecovery passwordRecovery,
        Profiles profiles, AccessTokens accessTokens, Clock clock) {

    /** The largest multipart body: a 5 MiB photo plus room for the form's text fields. */
    public static final long UPLOAD_BODY_LIMIT = 5L * 1024 * 1024 + 64 * 1024;

    public StockroomApi {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(passwordRecovery, "passwordRecovery");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(accessTokens, "accessTokens");
        Objects.requireNonNull(clock, "clock");
    }

    public static void register(Consumer<Object> jersey, StockroomApi api) {
        HttpFilters.register(jersey, UPLOAD_BODY_LIMIT);
        ErrorMappers.register(jersey);
        BearerAuth.register(jersey, api.accessTokens(), api.authentication());
        AccountResources.register(jersey, api.registration(), api.authentication(), api.passwordRecovery(),
                api.profiles(), api.accessTokens(), api.clock());
    }
}

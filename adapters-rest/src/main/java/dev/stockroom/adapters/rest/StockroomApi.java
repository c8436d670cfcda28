package dev.stockroom.adapters.rest;

import dev.stockroom.adapters.rest.account.AccountResources;
import dev.stockroom.adapters.rest.admin.AdminResource;
import dev.stockroom.adapters.rest.catalog.CatalogResources;
import dev.stockroom.adapters.rest.error.ErrorMappers;
import dev.stockroom.adapters.rest.http.HttpFilters;
import dev.stockroom.adapters.rest.http.TrustedProxies;
import dev.stockroom.adapters.rest.openapi.OpenApiResource;
import dev.stockroom.adapters.rest.security.AccessTokens;
import dev.stockroom.adapters.rest.security.BearerAuth;
import dev.stockroom.adapters.rest.throttling.AddressLimiting;
import dev.stockroom.adapters.rest.throttling.AddressLimits;
import dev.stockroom.core.account.port.in.AccountDeletion;
import dev.stockroom.core.account.port.in.Administration;
import dev.stockroom.core.account.port.in.Authentication;
import dev.stockroom.core.account.port.in.EmailChanges;
import dev.stockroom.core.account.port.in.PasswordRecovery;
import dev.stockroom.core.account.port.in.PersonalData;
import dev.stockroom.core.account.port.in.Profiles;
import dev.stockroom.core.account.port.in.Registration;
import dev.stockroom.core.account.port.in.TwoFactorSignIn;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.ProductImages;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the HTTP API needs from the core, and the one call that puts the API on a Jersey
 * environment (the Dropwizard service's, or a test's {@code ResourceExtension}).
 *
 * @param catalogPolicy  the policy the core's catalogue was built with: its photo limit is the upload limit here
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} names the client address
 * @param addressLimits  the limits per client address; none when empty (the edge limits, or a test rig)
 * @param twoFactor      two-factor sign-in; without it the API has no {@code /users/mfa/} endpoints
 */
public record StockroomApi(
        Registration registration,
        Authentication authentication,
        PasswordRecovery passwordRecovery,
        Profiles profiles,
        Administration administration,
        EmailChanges emailChanges,
        AccountDeletion accountDeletion,
        PersonalData personalData,
        Catalog catalog,
        ProductImages productImages,
        CatalogPolicy catalogPolicy,
        AccessTokens accessTokens,
        Clock clock,
        TrustedProxies trustedProxies,
        Optional<AddressLimits> addressLimits,
        Optional<TwoFactorSignIn> twoFactor) {

    /** Room in a multipart body for the form's text fields and part headers, beside the photo. */
    private static final long FORM_OVERHEAD = 64 * 1024;

    public StockroomApi {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(passwordRecovery, "passwordRecovery");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(administration, "administration");
        Objects.requireNonNull(emailChanges, "emailChanges");
        Objects.requireNonNull(accountDeletion, "accountDeletion");
        Objects.requireNonNull(personalData, "personalData");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(productImages, "productImages");
        Objects.requireNonNull(catalogPolicy, "catalogPolicy");
        Objects.requireNonNull(accessTokens, "accessTokens");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(addressLimits, "addressLimits");
        Objects.requireNonNull(twoFactor, "twoFactor");
    }

    /** The API without two-factor sign-in. */
    public StockroomApi(
            Registration registration,
            Authentication authentication,
            PasswordRecovery passwordRecovery,
            Profiles profiles,
            Administration administration,
            EmailChanges emailChanges,
            AccountDeletion accountDeletion,
            PersonalData personalData,
            Catalog catalog,
            ProductImages productImages,
            CatalogPolicy catalogPolicy,
            AccessTokens accessTokens,
            Clock clock,
            TrustedProxies trustedProxies,
            Optional<AddressLimits> addressLimits) {
        this(
                registration,
                authentication,
                passwordRecovery,
                profiles,
                administration,
                emailChanges,
                accountDeletion,
                personalData,
                catalog,
                productImages,
                catalogPolicy,
                accessTokens,
                clock,
                trustedProxies,
                addressLimits,
                Optional.empty());
    }

    /** The API with no trusted proxy and no limits per client address. */
    public StockroomApi(
            Registration registration,
            Authentication authentication,
            PasswordRecovery passwordRecovery,
            Profiles profiles,
            Administration administration,
            EmailChanges emailChanges,
            AccountDeletion accountDeletion,
            PersonalData personalData,
            Catalog catalog,
            ProductImages productImages,
            CatalogPolicy catalogPolicy,
            AccessTokens accessTokens,
            Clock clock) {
        this(
                registration,
                authentication,
                passwordRecovery,
                profiles,
                administration,
                emailChanges,
                accountDeletion,
                personalData,
                catalog,
                productImages,
                catalogPolicy,
                accessTokens,
                clock,
                TrustedProxies.none(),
                Optional.empty());
    }

    public static void register(Consumer<Object> jersey, StockroomApi api) {
        HttpFilters.register(jersey, api.catalogPolicy().maxPhotoBytes() + FORM_OVERHEAD);
        HttpFilters.registerClientAddresses(jersey, api.trustedProxies());
        api.addressLimits().ifPresent(limits -> AddressLimiting.register(jersey, limits));
        ErrorMappers.register(jersey);
        BearerAuth.register(jersey, api.accessTokens(), api.authentication());
        AccountResources.register(
                jersey,
                api.registration(),
                api.authentication(),
                api.passwordRecovery(),
                api.profiles(),
                api.emailChanges(),
                api.accountDeletion(),
                api.personalData(),
                api.catalog(),
                api.productImages(),
                api.twoFactor(),
                api.accessTokens(),
                api.clock());
        CatalogResources.register(jersey, api.catalog(), api.productImages(), api.catalogPolicy());
        jersey.accept(new AdminResource(api.administration(), api.accountDeletion()));
        jersey.accept(new OpenApiResource());
    }
}

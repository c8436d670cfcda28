package dev.stockroom.adapters.rest.error;

import java.util.function.Consumer;

/**
 * Registers the mappers that keep every error in the envelope. The host must turn off
 * Dropwizard's default mappers ({@code server.registerDefaultExceptionMappers: false}) so these
 * are the only ones.
 */
public final class ErrorMappers {
    private ErrorMappers() {}

    public static void register(Consumer<Object> jersey) {
        jersey.accept(new AccountFailureMapper());
        jersey.accept(new CatalogFailureMapper());
        jersey.accept(new RequestFailureMapper());
        jersey.accept(new WebApplicationExceptionMapper());
        jersey.accept(new JsonProcessingExceptionMapper());
        jersey.accept(new StorageUnavailableMapper());
        jersey.accept(new InvalidDataMapper());
        jersey.accept(new OverloadedMapper());
        jersey.accept(new UnexpectedExceptionMapper());
        jersey.accept(new RequestIdInErrors());
        jersey.accept(new ErrorLanguage());
    }
}

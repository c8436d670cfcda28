package dev.stockroom.adapters.rest.error;

import io.dropwizard.jersey.setup.JerseyEnvironment;

/**
 * Registers the mappers that keep every error in the envelope. The host must turn off
 * Dropwizard's default mappers ({@code server.registerDefaultExceptionMappers: false}) so these
 * are the only ones.
 */
public final class ErrorMappers {
    private ErrorMappers() {
    }

    public static void register(JerseyEnvironment jersey) {
        jersey.register(new AccountFailureMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new JsonProcessingExceptionMapper());
        jersey.register(new StorageUnavailableMapper());
        jersey.register(new UnexpectedExceptionMapper());
    }
}

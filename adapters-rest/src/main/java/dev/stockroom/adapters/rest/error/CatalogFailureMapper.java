package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The HTTP answer to every catalogue failure, and the only place its status is written. */
final class CatalogFailureMapper implements ExceptionMapper<CatalogFailure> {

    /** No {@code default}: a new kind does not compile until it has a status here. */
    static int status(CatalogFailure.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case PRODUCT_NOT_FOUND -> 404;
            case NOT_OWNER -> 403;
            case VERIFICATION_REQUIRED -> 403;
            case NOT_ALLOWED -> 403;
            case STALE_VERSION -> 412;
            case PHOTO_TOO_LARGE -> 413;
            case UNSUPPORTED_PHOTO -> 400;
            case SKU_TAKEN -> 400;
            case SLUG_TAKEN -> 400;
            case SLUG_NOT_FOUND -> 404;
            case IMAGE_NOT_FOUND -> 404;
            case TOO_MANY_IMAGES -> 400;
            case IMAGE_TOO_LARGE -> 400;
            case STOCK_OUT_OF_RANGE -> 409;
        };
    }

    @Override
    public Response toResponse(CatalogFailure failure) {
        return ErrorResponses.of(status(failure.kind()), failure.getMessage(), failure.fieldErrors());
    }
}

package dev.stockroom.adapters.rest.error;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.CatalogFailure.InvalidInput;
import dev.stockroom.core.catalog.domain.CatalogFailure.NotAllowed;
import dev.stockroom.core.catalog.domain.CatalogFailure.NotOwner;
import dev.stockroom.core.catalog.domain.CatalogFailure.PhotoTooLarge;
import dev.stockroom.core.catalog.domain.CatalogFailure.ProductNotFound;
import dev.stockroom.core.catalog.domain.CatalogFailure.StaleVersion;
import dev.stockroom.core.catalog.domain.CatalogFailure.UnsupportedPhoto;
import dev.stockroom.core.catalog.domain.CatalogFailure.VerificationRequired;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Every catalogue failure has exactly one HTTP status; a new one must be added here to compile. */
final class CatalogFailureMapper implements ExceptionMapper<CatalogFailure> {

    static final CatalogFailure.Cases<Integer> STATUS = new CatalogFailure.Cases<>() {
        @Override public Integer invalidInput(InvalidInput f) { return 400; }
        @Override public Integer productNotFound(ProductNotFound f) { return 404; }
        @Override public Integer notOwner(NotOwner f) { return 403; }
        @Override public Integer verificationRequired(VerificationRequired f) { return 403; }
        @Override public Integer notAllowed(NotAllowed f) { return 403; }
        @Override public Integer staleVersion(StaleVersion f) { return 412; }
        @Override public Integer photoTooLarge(PhotoTooLarge f) { return 413; }
        @Override public Integer unsupportedPhoto(UnsupportedPhoto f) { return 400; }
    };

    @Override
    public Response toResponse(CatalogFailure failure) {
        return ErrorResponses.of(failure.match(STATUS), failure.getMessage(), failure.fieldErrors());
    }
}

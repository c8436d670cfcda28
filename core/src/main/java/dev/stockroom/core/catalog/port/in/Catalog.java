package dev.stockroom.core.catalog.port.in;

import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductCursor;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductSlice;
import dev.stockroom.core.catalog.domain.Slug;
import dev.stockroom.core.catalog.domain.StoredPhoto;
import dev.stockroom.core.catalog.domain.Viewer;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The product catalogue. Reading is open to anyone; writing needs a verified user's login
 * session, and changing or deleting a product needs its owner or an admin.
 *
 * <p>Every write may fail with {@link CatalogFailure.VerificationRequired} (a NEW account),
 * {@link CatalogFailure.NotAllowed} (a token that is not a login session's), and, for an existing
 * product, {@link CatalogFailure.ProductNotFound} and {@link CatalogFailure.NotOwner}. Where an
 * {@code expectedVersion} is given (the HTTP {@code If-Match}), a product at another version
 * fails with {@link CatalogFailure.StaleVersion}; so does losing a race with a concurrent writer.
 * Without one, a write that loses that race is done again on what the other writer left (the last
 * writer wins; a patch changes only its own fields), and fails so only after several lost races in
 * a row.
 */
public interface Catalog {

    /**
     * Adds a product owned by the caller, with the uploaded photo if one is given.
     *
     * @throws CatalogFailure.InvalidInput      when the draft has a photo URL and a file is uploaded too
     * @throws CatalogFailure.PhotoTooLarge     when the upload is over the limit
     * @throws CatalogFailure.UnsupportedPhoto  when the upload is not a supported image
     */
    Product add(AuthenticatedUser caller, ProductDraft draft, Optional<PhotoUpload> photo);

    /** Replaces every editable field (PUT); a stored photo no longer used is deleted. */
    Product replace(AuthenticatedUser caller, ProductId id, ProductDraft draft, OptionalLong expectedVersion);

    /** Changes the fields the patch names (PATCH); a stored photo no longer used is deleted. */
    Product patch(AuthenticatedUser caller, ProductId id, ProductPatch patch, OptionalLong expectedVersion);

    /**
     * Soft-deletes the product: it keeps its row and photo, but answers as missing to everything
     * except {@link #listDeleted} and {@link #restore}; housekeeping removes it for good after the
     * policy's retention.
     */
    void delete(AuthenticatedUser caller, ProductId id);

    /**
     * Brings a soft-deleted product back; a live one is returned as it is (a repeated restore).
     *
     * @throws CatalogFailure.ProductNotFound when there is no such product, or it was deleted longer
     *     ago than the retention
     */
    Product restore(AuthenticatedUser caller, ProductId id);

    /**
     * Soft-deleted products matching {@code query}: an admin's of every owner, anyone else's own
     * only (the query's owner filter is replaced by the caller).
     */
    ProductPage listDeleted(AuthenticatedUser caller, ProductQuery query);

    /**
     * Adds the adjustment's delta to the product's quantity as one conditional write, so that
     * concurrent sales and deliveries all count and none oversells.
     *
     * @throws CatalogFailure.StockOutOfRange when the quantity would go below 0 or above the maximum
     */
    Product adjustStock(AuthenticatedUser caller, ProductId id, StockAdjustment adjustment);

    /**
     * The product with this id, as an anonymous reader sees it: only a published one.
     *
     * @throws CatalogFailure.ProductNotFound when no published product has the id
     */
    default Product get(ProductId id) {
        return get(Viewer.ANONYMOUS, id);
    }

    /**
     * The product with this id, if {@code viewer} may see it (a draft only its owner and admins).
     *
     * @throws CatalogFailure.ProductNotFound when no product the viewer may see has the id
     */
    Product get(Viewer viewer, ProductId id);

    /**
     * The product with this slug, if {@code viewer} may see it.
     *
     * @throws CatalogFailure.SlugNotFound when no product the viewer may see has the slug
     */
    Product getBySlug(Viewer viewer, Slug slug);

    /**
     * The export of the caller's products (an admin's: everyone's), drafts included.
     *
     * @throws CatalogFailure.VerificationRequired for a NEW account, at once
     */
    ProductExport export(AuthenticatedUser caller);

    /**
     * Creates or changes the caller's products from the source's rows, matched by SKU within the
     * caller's own products (an admin's too): a row with an SKU one of them has changes it, any
     * other row adds a product owned by the caller. A row whose SKU an earlier row of the same
     * source gave is an error. In {@link ProductImport.Mode#ALL_OR_NOTHING} one transaction holds
     * every row and nothing is applied if any row has an error; in {@link ProductImport.Mode#PER_ROW}
     * each row is applied on its own. A dry run checks every row the same way and applies nothing.
     *
     * @throws CatalogFailure.VerificationRequired for a NEW account, before any row is read
     */
    ImportReport importProducts(AuthenticatedUser caller, ProductImport.Source rows, ProductImport.Options options);

    /** The products {@code query} matches that its viewer may see. */
    ProductPage list(ProductQuery query);

    /**
     * The slice of the list that follows {@code cursor} (keyset paging), as many as the query's
     * page size; the slice's {@code next} continues the walk.
     */
    ProductSlice listAfter(ProductQuery query, ProductCursor cursor);

    /**
     * Stores the upload as the product's photo; the photo it replaces, if stored, is deleted.
     *
     * @throws CatalogFailure.PhotoTooLarge    when the upload is over the limit
     * @throws CatalogFailure.UnsupportedPhoto when the upload is not a supported image
     */
    Product attachPhoto(AuthenticatedUser caller, ProductId id, PhotoUpload photo, OptionalLong expectedVersion);

    /** The stored photo file to serve for {@code key}; empty when there is none. */
    Optional<StoredPhoto> openPhoto(PhotoKey key);
}

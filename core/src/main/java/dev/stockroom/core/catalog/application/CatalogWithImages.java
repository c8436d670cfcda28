package dev.stockroom.core.catalog.application;

import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.Photo;
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
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.ImportReport;
import dev.stockroom.core.catalog.port.in.PhotoUpload;
import dev.stockroom.core.catalog.port.in.ProductDraft;
import dev.stockroom.core.catalog.port.in.ProductExport;
import dev.stockroom.core.catalog.port.in.ProductImport;
import dev.stockroom.core.catalog.port.in.ProductPatch;
import dev.stockroom.core.catalog.port.in.StockAdjustment;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The catalogue once products have image lists: {@link CatalogService}'s use cases, kept as they
 * were for a product without images, and made to respect the rule that a product's {@code photo}
 * is its first image while it has any.
 *
 * <ul>
 *   <li>The single-photo upload replaces the first image (processed like any image upload).
 *   <li>A PUT or PATCH that would set {@code photo} to anything but the first image is refused;
 *       the image endpoints change it.
 *   <li>Deleting a product (a soft delete) keeps its image rows and files, so that a restore
 *       brings them back; the rows go with the product when housekeeping removes it.
 * </ul>
 */
public final class CatalogWithImages implements Catalog {
    private static final String PHOTO_IS_FIRST_IMAGE =
            "This product's photo is its first image: add, remove or reorder its images instead.";

    private final Catalog catalog;
    private final ProductImageService images;
    private final ProductImageRepository imageRows;
    private final ProductRepository products;

    public CatalogWithImages(
            Catalog catalog, ProductImageService images, ProductImageRepository imageRows, ProductRepository products) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.images = Objects.requireNonNull(images, "images");
        this.imageRows = Objects.requireNonNull(imageRows, "imageRows");
        this.products = Objects.requireNonNull(products, "products");
    }

    @Override
    public Product add(AuthenticatedUser caller, ProductDraft draft, Optional<PhotoUpload> photo) {
        return catalog.add(caller, draft, photo);
    }

    @Override
    public Product replace(AuthenticatedUser caller, ProductId id, ProductDraft draft, OptionalLong expectedVersion) {
        requirePhotoKept(id, current -> draft.details().photo());
        return catalog.replace(caller, id, draft, expectedVersion);
    }

    @Override
    public Product patch(AuthenticatedUser caller, ProductId id, ProductPatch patch, OptionalLong expectedVersion) {
        requirePhotoKept(id, current -> patch.applyTo(current.details()).photo());
        return catalog.patch(caller, id, patch, expectedVersion);
    }

    /** A soft delete: the image rows and files stay, so that a restore brings the images back. */
    /** Rows never name a photo, so an import leaves every product's images as they are. */
    @Override
    public ImportReport importProducts(
            AuthenticatedUser caller, ProductImport.Source rows, ProductImport.Options options) {
        return catalog.importProducts(caller, rows, options);
    }

    @Override
    public void delete(AuthenticatedUser caller, ProductId id) {
        catalog.delete(caller, id);
    }

    @Override
    public Product restore(AuthenticatedUser caller, ProductId id) {
        return catalog.restore(caller, id);
    }

    @Override
    public ProductPage listDeleted(AuthenticatedUser caller, ProductQuery query) {
        return catalog.listDeleted(caller, query);
    }

    @Override
    public Product adjustStock(AuthenticatedUser caller, ProductId id, StockAdjustment adjustment) {
        return catalog.adjustStock(caller, id, adjustment);
    }

    @Override
    public Product get(ProductId id) {
        return catalog.get(id);
    }

    @Override
    public Product get(Viewer viewer, ProductId id) {
        return catalog.get(viewer, id);
    }

    @Override
    public Product getBySlug(Viewer viewer, Slug slug) {
        return catalog.getBySlug(viewer, slug);
    }

    @Override
    public ProductExport export(AuthenticatedUser caller) {
        return catalog.export(caller);
    }

    @Override
    public ProductPage list(ProductQuery query) {
        return catalog.list(query);
    }

    @Override
    public ProductSlice listAfter(ProductQuery query, ProductCursor cursor) {
        return catalog.listAfter(query, cursor);
    }

    @Override
    public Product attachPhoto(
            AuthenticatedUser caller, ProductId id, PhotoUpload photo, OptionalLong expectedVersion) {
        if (imageRows.imagesOf(id).isEmpty()) {
            return catalog.attachPhoto(caller, id, photo, expectedVersion);
        }
        return images.replaceFirstImage(caller, id, photo, expectedVersion);
    }

    @Override
    public Optional<StoredPhoto> openPhoto(PhotoKey key) {
        return catalog.openPhoto(key);
    }

    /**
     * Checked before the write, outside its transaction: an image change that commits in between
     * is caught by the write's version check only when the client sent {@code If-Match}.
     */
    private void requirePhotoKept(ProductId id, Function<Product, Optional<Photo>> nextPhoto) {
        if (imageRows.imagesOf(id).isEmpty()) {
            return;
        }
        Optional<Product> current = products.findById(id);
        if (current.isPresent()
                && !nextPhoto.apply(current.get()).equals(current.get().photo())) {
            throw CatalogFailure.InvalidInput.of("photo", PHOTO_IS_FIRST_IMAGE);
        }
    }
}

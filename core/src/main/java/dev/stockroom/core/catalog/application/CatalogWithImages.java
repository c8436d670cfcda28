package dev.stockroom.core.catalog.application;

import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductCursor;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductImage;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductSlice;
import dev.stockroom.core.catalog.domain.StoredPhoto;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.PhotoUpload;
import dev.stockroom.core.catalog.port.in.ProductDraft;
import dev.stockroom.core.catalog.port.in.ProductPatch;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import java.util.List;
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
 *   <li>Deleting a product that the store then no longer has deletes its image rows and files. A
 *       store that keeps deleted products (soft delete) keeps them too, for housekeeping to purge
 *       with {@link ProductImageRepository#deleteAllOf}.
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

    @Override
    public void delete(AuthenticatedUser caller, ProductId id) {
        List<ProductImage> before = imageRows.imagesOf(id);
        catalog.delete(caller, id);
        if (products.findById(id).isEmpty()) {
            // A database cascades the rows with the product; a store without keys does it here.
            imageRows.deleteAllOf(id);
            images.deleteFiles(before.stream().flatMap(i -> i.files().stream()).toList());
        }
    }

    @Override
    public Product get(ProductId id) {
        return catalog.get(id);
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

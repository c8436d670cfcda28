package dev.stockroom.core.catalog.port.in;

import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.ImageId;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductImage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A product's images: up to {@link dev.stockroom.core.catalog.domain.ImagePolicy#MAX_IMAGES}, in
 * order, each stored with its metadata stripped and with two thumbnails. The product's
 * {@code photo} is always its first image while it has any. Writes fail like {@link Catalog}'s
 * (not verified, not a login session, no product, not the owner or an admin); each returns the
 * product as changed, one version higher.
 */
public interface ProductImages {

    /**
     * Adds the upload at {@code position} (0 is first; beyond the end, or none: last).
     *
     * @throws CatalogFailure.TooManyImages    when the product has its maximum already
     * @throws CatalogFailure.PhotoTooLarge    when the upload is over the byte limit
     * @throws CatalogFailure.ImageTooLarge    when its header declares more pixels than allowed
     * @throws CatalogFailure.UnsupportedPhoto when it is not an image that can be read
     */
    Product addImage(AuthenticatedUser caller, ProductId id, PhotoUpload upload, OptionalInt position);

    /**
     * Removes the image and, once that has committed, its files.
     *
     * @throws CatalogFailure.ImageNotFound when the product has no such image
     */
    Product removeImage(AuthenticatedUser caller, ProductId id, ImageId image);

    /**
     * Puts the images in {@code order}, which must name each of the product's images once.
     *
     * @throws CatalogFailure.InvalidInput (field {@code order}) when it does not
     */
    Product reorderImages(AuthenticatedUser caller, ProductId id, List<ImageId> order);

    /** The product's images in order. */
    List<ProductImage> imagesOf(ProductId id);

    /** The images of each of the products that has any, for a page of them. */
    Map<ProductId, List<ProductImage>> imagesOf(Collection<ProductId> ids);
}

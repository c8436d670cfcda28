package dev.stockroom.core.catalog.port.out;

import dev.stockroom.core.catalog.domain.ImageId;
import dev.stockroom.core.catalog.domain.NewProductImage;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductImage;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the rows of product images are kept (their files are in the {@link PhotoStore}). The use
 * cases call it inside a transaction that has locked the product, so it needs no conditions of
 * its own. Failures to reach the store are {@link dev.stockroom.core.shared.StorageUnavailable}.
 */
public interface ProductImageRepository {

    /** Stores the image under a newly generated id. */
    ProductImage add(NewProductImage image);

    /** The product's images by position (ties by id); empty for a product without any, or none. */
    List<ProductImage> imagesOf(ProductId product);

    /** The images of each product that has any, each list by position; one query for a page of products. */
    Map<ProductId, List<ProductImage>> imagesOf(Collection<ProductId> products);

    /** Gives each listed image of the product the position of its index in {@code order}. */
    void reposition(ProductId product, List<ImageId> order);

    /** Removes the product's image; returns true when this call removed it, false for no such image of that product. */
    boolean delete(ProductId product, ImageId image);

    /** Removes every image row of the product and returns them, so their files can be deleted too. */
    List<ProductImage> deleteAllOf(ProductId product);
}

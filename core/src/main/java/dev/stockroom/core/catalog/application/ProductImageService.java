package dev.stockroom.core.catalog.application;

import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.catalog.domain.ImageId;
import dev.stockroom.core.catalog.domain.ImagePolicy;
import dev.stockroom.core.catalog.domain.NewProductImage;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductImage;
import dev.stockroom.core.catalog.imaging.ImageProcessor;
import dev.stockroom.core.catalog.imaging.ProcessedImage;
import dev.stockroom.core.catalog.port.in.PhotoUpload;
import dev.stockroom.core.catalog.port.in.ProductImages;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.shared.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The image use cases. Files follow {@link CatalogService}'s order: an upload's three files are
 * stored before the transaction that adds their row and deleted again if it fails; the files of a
 * removed image (or a replaced single photo) are deleted only after the change has committed.
 * Every change writes the product too, one version higher, with its {@code photo} set to the
 * first image: the product's row lock (taken by {@link ProductRepository#findByIdForUpdate})
 * makes concurrent changes to one product's images queue, so the limit of
 * {@value ImagePolicy#MAX_IMAGES} holds under any concurrency.
 */
public final class ProductImageService implements ProductImages {
    private static final System.Logger LOG = System.getLogger(ProductImageService.class.getName());
    private static final int MAX_WRITE_ATTEMPTS = 5;
    private static final int MAGIC_BYTES = 12;
    static final String IMAGE = "image";

    private final ProductRepository products;
    private final ProductImageRepository images;
    private final PhotoStore photos;
    private final Transactions transactions;
    private final Clock clock;
    private final CatalogPolicy catalogPolicy;
    private final ImageProcessor processor;

    public ProductImageService(
            ProductRepository products,
            ProductImageRepository images,
            PhotoStore photos,
            Transactions transactions,
            Clock clock,
            CatalogPolicy catalogPolicy,
            ImagePolicy imagePolicy) {
        this.products = Objects.requireNonNull(products, "products");
        this.images = Objects.requireNonNull(images, "images");
        this.photos = Objects.requireNonNull(photos, "photos");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.catalogPolicy = Objects.requireNonNull(catalogPolicy, "catalogPolicy");
        this.processor = new ImageProcessor(
                Objects.requireNonNull(imagePolicy, "imagePolicy").maxImagePixels());
    }

    @Override
    public Product addImage(AuthenticatedUser caller, ProductId id, PhotoUpload upload, OptionalInt position) {
        requireWriter(caller);
        if (position.isPresent() && position.getAsInt() < 0) {
            throw CatalogFailure.InvalidInput.of("position", "Must be 0 (first) or more.");
        }
        // Refuse what can be refused before the work of decoding and the writing of files.
        requireMayChange(caller, load(id), OptionalLong.empty());
        requireRoom(images.imagesOf(id));
        List<PhotoKey> files = store(processed(upload, IMAGE));
        return afterCommit(discardingOnFailure(
                files,
                () -> change(caller, id, OptionalLong.empty(), current -> {
                    requireRoom(current);
                    List<ProductImage> next = new ArrayList<>(current);
                    int at = Math.min(position.orElse(current.size()), current.size());
                    next.add(at, images.add(newImage(id, current.size(), files)));
                    return new Edit(next, List.of());
                })));
    }

    @Override
    public Product removeImage(AuthenticatedUser caller, ProductId id, ImageId image) {
        requireWriter(caller);
        return afterCommit(change(caller, id, OptionalLong.empty(), current -> {
            ProductImage removed = current.stream()
                    .filter(i -> i.id().equals(image))
                    .findFirst()
                    .orElseThrow(() -> new CatalogFailure.ImageNotFound(image));
            images.delete(id, image);
            List<ProductImage> next = new ArrayList<>(current);
            next.remove(removed);
            return new Edit(next, removed.files());
        }));
    }

    @Override
    public Product reorderImages(AuthenticatedUser caller, ProductId id, List<ImageId> order) {
        requireWriter(caller);
        Objects.requireNonNull(order, "order");
        return afterCommit(change(caller, id, OptionalLong.empty(), current -> {
            Set<ImageId> named = new HashSet<>(order);
            List<ImageId> ids = current.stream().map(ProductImage::id).toList();
            if (named.size() != order.size() || order.size() != ids.size() || !named.containsAll(ids)) {
                throw CatalogFailure.InvalidInput.of(
                        "order", "List each of the product's image ids once, in the new order: " + ids + ".");
            }
            List<ProductImage> next = new ArrayList<>();
            for (ImageId imageId : order) {
                next.add(current.get(ids.indexOf(imageId)));
            }
            return new Edit(next, List.of());
        }));
    }

    /**
     * The single-photo upload of a product that has images: the upload, processed as an image,
     * takes the first image's place, and the first image is removed.
     */
    Product replaceFirstImage(
            AuthenticatedUser caller, ProductId id, PhotoUpload upload, OptionalLong expectedVersion) {
        requireWriter(caller);
        requireMayChange(caller, load(id), expectedVersion);
        List<PhotoKey> files = store(processed(upload, "photo"));
        return afterCommit(discardingOnFailure(
                files,
                () -> change(caller, id, expectedVersion, current -> {
                    List<ProductImage> next = new ArrayList<>(current);
                    List<PhotoKey> unreferenced = List.of();
                    if (!next.isEmpty()) {
                        ProductImage first = next.remove(0);
                        images.delete(id, first.id());
                        unreferenced = first.files();
                    }
                    next.add(0, images.add(newImage(id, current.size(), files)));
                    return new Edit(next, unreferenced);
                })));
    }

    @Override
    public List<ProductImage> imagesOf(ProductId id) {
        return images.imagesOf(id);
    }

    @Override
    public Map<ProductId, List<ProductImage>> imagesOf(Collection<ProductId> ids) {
        return images.imagesOf(ids);
    }

    /** Deletes the files of images whose rows are gone; a failure only leaves a file behind, logged. */
    void deleteFiles(List<PhotoKey> keys) {
        for (PhotoKey key : keys) {
            try {
                photos.delete(key);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not delete the unreferenced image file " + key, e);
            }
        }
    }

    /** What a change does to the list: the images in their new order, and files no row references now. */
    private record Edit(List<ProductImage> images, List<PhotoKey> unreferenced) {}

    private record Done(Product product, List<PhotoKey> unreferenced) {}

    private interface ListEdit {
        Edit apply(List<ProductImage> current);
    }

    /**
     * In one transaction on the locked product: applies the edit, renumbers the positions and
     * writes the product with its photo set to the first image. A single photo stored before the
     * product had images is no longer referenced once the first image takes its place.
     */
    private Done change(AuthenticatedUser caller, ProductId id, OptionalLong expectedVersion, ListEdit edit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(() -> {
                    Product current =
                            products.findByIdForUpdate(id).orElseThrow(() -> new CatalogFailure.ProductNotFound(id));
                    requireMayChange(caller, current, expectedVersion);
                    List<ProductImage> before = images.imagesOf(id);
                    Edit result = edit.apply(before);
                    images.reposition(
                            id, result.images().stream().map(ProductImage::id).toList());
                    Optional<Photo> photo = result.images().isEmpty()
                            ? Optional.empty()
                            : Optional.of(Photo.stored(result.images().get(0).original()));
                    Product changed = current.withPhoto(photo, clock.instant());
                    if (!products.update(changed, current.version())) {
                        throw products.findById(id).isPresent()
                                ? new CatalogFailure.StaleVersion()
                                : new CatalogFailure.ProductNotFound(id);
                    }
                    List<PhotoKey> unreferenced = new ArrayList<>(result.unreferenced());
                    current.photo()
                            .flatMap(Photo::storedKey)
                            .filter(key ->
                                    before.stream().noneMatch(i -> i.original().equals(key)))
                            .filter(key -> !photo.flatMap(Photo::storedKey).equals(Optional.of(key)))
                            .ifPresent(unreferenced::add);
                    return new Done(changed, unreferenced);
                });
            } catch (CatalogFailure.StaleVersion lost) {
                if (expectedVersion.isPresent() || attempt == MAX_WRITE_ATTEMPTS) {
                    throw lost;
                }
            }
        }
    }

    private Product afterCommit(Done done) {
        deleteFiles(done.unreferenced());
        return done.product();
    }

    private ProcessedImage processed(PhotoUpload upload, String field) {
        if (upload.size() > catalogPolicy.maxPhotoBytes()) {
            throw new CatalogFailure.PhotoTooLarge(catalogPolicy.maxPhotoBytes(), field);
        }
        PhotoType type = PhotoType.detect(upload.firstBytes(MAGIC_BYTES))
                .orElseThrow(
                        () -> new CatalogFailure.UnsupportedPhoto(field, "Upload a JPEG, PNG, GIF or WebP image."));
        return processor.process(upload.content(), type, field);
    }

    /** The original, small and medium files, in that order; none left behind when one fails. */
    private List<PhotoKey> store(ProcessedImage image) {
        List<PhotoKey> stored = new ArrayList<>();
        discardingOnFailure(stored, () -> {
            for (ProcessedImage.Rendition r : List.of(image.original(), image.small(), image.medium())) {
                stored.add(photos.store(r.content(), r.type()));
            }
            return stored;
        });
        return List.copyOf(stored);
    }

    private static NewProductImage newImage(ProductId id, int position, List<PhotoKey> files) {
        return new NewProductImage(id, position, files.get(0), files.get(1), files.get(2));
    }

    private <T> T discardingOnFailure(List<PhotoKey> files, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            for (PhotoKey key : files) {
                try {
                    photos.delete(key);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private static void requireRoom(List<ProductImage> current) {
        if (current.size() >= ImagePolicy.MAX_IMAGES) {
            throw new CatalogFailure.TooManyImages(ImagePolicy.MAX_IMAGES);
        }
    }

    private Product load(ProductId id) {
        return products.findById(id).orElseThrow(() -> new CatalogFailure.ProductNotFound(id));
    }

    // The same rules as CatalogService's writes.
    static void requireWriter(AuthenticatedUser caller) {
        if (caller.kind() != SessionKind.LOGIN) {
            throw new CatalogFailure.NotAllowed();
        }
        if (caller.status() != AuthStatus.VERIFIED) {
            throw new CatalogFailure.VerificationRequired();
        }
    }

    private static void requireMayChange(AuthenticatedUser caller, Product product, OptionalLong expectedVersion) {
        if (!caller.isAdmin() && !product.isOwnedBy(caller.userId())) {
            throw new CatalogFailure.NotOwner();
        }
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != product.version()) {
            throw new CatalogFailure.StaleVersion();
        }
    }
}

package dev.stockroom.core.catalog.application;

import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.catalog.domain.NewProduct;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductAttributes;
import dev.stockroom.core.catalog.domain.ProductCursor;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductImage;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.ProductSlice;
import dev.stockroom.core.catalog.domain.Sku;
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
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.catalog.port.out.ProductImageRepository;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The catalogue use cases.
 *
 * <p>Photo files live outside the database transaction, so their order matters: an upload is
 * stored before the transaction that references it and deleted again if that transaction fails;
 * a file the product no longer references is deleted only after the change has committed. A crash
 * between the two steps can leave an unreferenced file behind, never a product whose photo is
 * gone. Keeping the files out of the transaction is also what lets {@link Transactions} repeat
 * that transaction after a conflict: a repeat writes and deletes no file twice. ("After the
 * commit" assumes the service is not called inside a caller's own transaction; {@link Transactions}
 * would make its work join that one; were that one repeated, the old file would already be gone
 * while the rolled-back product still names it, so such a caller uses
 * {@link Transactions#inTransactionOnce}.)
 */
public final class CatalogService implements Catalog {
    private static final System.Logger LOG = System.getLogger(CatalogService.class.getName());
    private static final int MAX_WRITE_ATTEMPTS = 5;
    private static final int PURGE_BATCH = 100;
    /** Rows of a per_row import committed together; see {@link #importChunk}. */
    private static final int IMPORT_CHUNK = 100;

    private static final String URL_AND_FILE = "Give either a photo URL or a photo file, not both.";
    private static final String NOT_THIS_PRODUCTS_PHOTO = "Upload the image to use it as this product's photo.";
    private static final String SKU_OF_DELETED =
            "Your product with this SKU is deleted: restore it first, or give the row another SKU.";
    private static final String NO_PHOTO_IN_IMPORT = "An import cannot set photos: add images to the product instead.";
    // Every supported format is recognisable from its first twelve bytes.
    private static final int MAGIC_BYTES = 12;

    private final ProductRepository products;
    private final Optional<ProductImageRepository> images;
    private final PhotoStore photos;
    private final Transactions transactions;
    private final Clock clock;
    private final CatalogPolicy policy;

    public CatalogService(
            ProductRepository products,
            PhotoStore photos,
            Transactions transactions,
            Clock clock,
            CatalogPolicy policy) {
        this(products, photos, transactions, clock, policy, Optional.empty());
    }

    /** As above; a product removed for good takes its images' rows and files with it. */
    public CatalogService(
            ProductRepository products,
            PhotoStore photos,
            Transactions transactions,
            Clock clock,
            CatalogPolicy policy,
            Optional<ProductImageRepository> images) {
        this.images = Objects.requireNonNull(images, "images");
        this.products = Objects.requireNonNull(products, "products");
        this.photos = Objects.requireNonNull(photos, "photos");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public Product add(AuthenticatedUser caller, ProductDraft draft, Optional<PhotoUpload> photo) {
        requireWriter(caller);
        ProductDetails details = draft.newDetails();
        if (details.photo().flatMap(Photo::storedKey).isPresent()) {
            throw CatalogFailure.InvalidInput.of("photo", NOT_THIS_PRODUCTS_PHOTO);
        }
        if (photo.isEmpty()) {
            return addWithUniqueKeys(caller, details);
        }
        if (details.photo().isPresent()) {
            throw CatalogFailure.InvalidInput.of("photo", URL_AND_FILE);
        }
        PhotoKey key = store(photo.get());
        return discardingPhotoOnFailure(
                key, () -> addWithUniqueKeys(caller, details.withPhoto(Optional.of(Photo.stored(key)))));
    }

    /**
     * Adds the product once its SKU and slug are free; a slug made from the name that a concurrent
     * add took first is made again.
     */
    private Product addWithUniqueKeys(AuthenticatedUser caller, ProductDetails details) {
        return retryingTakenSlugs(
                details,
                () -> transactions.inTransaction(() -> products.add(
                        newProduct(caller, withUniqueKeys(caller.userId(), Optional.empty(), null, details)))));
    }

    @Override
    public Product replace(AuthenticatedUser caller, ProductId id, ProductDraft draft, OptionalLong expectedVersion) {
        return change(caller, id, expectedVersion, current -> draft.replacing(current.details()));
    }

    @Override
    public Product patch(AuthenticatedUser caller, ProductId id, ProductPatch patch, OptionalLong expectedVersion) {
        return change(caller, id, expectedVersion, current -> patch.applyTo(current.details()));
    }

    @Override
    public void delete(AuthenticatedUser caller, ProductId id) {
        requireWriter(caller);
        retryingLostRaces(
                OptionalLong.empty(),
                () -> transactions.inTransaction(() -> {
                    Product current = loadForUpdate(id);
                    requireMayChange(caller, current, OptionalLong.empty());
                    if (!products.softDelete(id, current.version(), clock.instant())) {
                        throw conflictOn(id);
                    }
                    return current;
                }));
    }

    @Override
    public Product restore(AuthenticatedUser caller, ProductId id) {
        requireWriter(caller);
        return retryingLostRaces(
                OptionalLong.empty(),
                () -> transactions.inTransaction(() -> {
                    Optional<Product> deleted = products.findDeleted(id);
                    if (deleted.isEmpty()) {
                        // Restored already (a repeated request), or no such product at all.
                        Product live = load(id);
                        requireMayChange(caller, live, OptionalLong.empty());
                        return live;
                    }
                    Product current = deleted.get();
                    requireMayChange(caller, current, OptionalLong.empty());
                    Instant now = clock.instant();
                    if (!isRestorable(current, now)) {
                        throw new CatalogFailure.ProductNotFound(id);
                    }
                    if (!products.restore(id, current.version(), now)) {
                        throw new CatalogFailure.StaleVersion();
                    }
                    return load(id);
                }));
    }

    @Override
    public ProductPage listDeleted(AuthenticatedUser caller, ProductQuery query) {
        if (caller.kind() != SessionKind.LOGIN) {
            throw new CatalogFailure.NotAllowed();
        }
        return products.searchDeleted(caller.isAdmin() ? query : query.withOwner(caller.userId()));
    }

    @Override
    public Product adjustStock(AuthenticatedUser caller, ProductId id, StockAdjustment adjustment) {
        requireWriter(caller);
        // The owner never changes, so checking it before the write cannot go stale.
        requireMayChange(caller, load(id), OptionalLong.empty());
        int delta = adjustment.delta();
        for (int attempt = 1; ; attempt++) {
            Optional<Product> adjusted =
                    transactions.inTransaction(() -> products.adjustStock(id, delta, clock.instant()));
            if (adjusted.isPresent()) {
                // The reason has no control characters (StockAdjustment), so it cannot forge a log line.
                LOG.log(
                        System.Logger.Level.INFO,
                        "Stock of product {0} adjusted by {1} to {2} by user {3}{4}",
                        id,
                        delta,
                        adjusted.get().quantity(),
                        caller.userId(),
                        adjustment.reason().map(r -> ": " + r).orElse(""));
                return adjusted.get();
            }
            // The write matched nothing: say why from what is stored now. Had other adjustments made
            // room meanwhile, this one is tried again.
            Product now = load(id);
            long result = (long) now.quantity().value() + delta;
            if (result < 0) {
                throw CatalogFailure.StockOutOfRange.belowZero(now.quantity().value(), delta);
            }
            if (result > Integer.MAX_VALUE) {
                throw CatalogFailure.StockOutOfRange.aboveMaximum(now.quantity().value(), delta);
            }
            if (attempt == MAX_WRITE_ATTEMPTS) {
                throw new CatalogFailure.StaleVersion();
            }
        }
    }

    /**
     * Soft-deletes every live product of {@code owner}, as when the owner's account is deleted; no
     * caller is checked, so only a use case that has checked its own caller calls this. Joins the
     * caller's transaction when there is one.
     *
     * @return how many products were deleted
     */
    public int deleteAllOf(UserId owner) {
        Objects.requireNonNull(owner, "owner");
        return transactions.inTransaction(() -> products.softDeleteAllOf(owner, clock.instant()));
    }

    /**
     * Removes for good the products soft-deleted longer ago than the policy's retention, with their
     * photo files; the host calls this on a schedule. A product restored meanwhile is kept: each
     * removal is conditional on the version read.
     *
     * @return how many products were removed
     */
    public int purgeDeleted() {
        Instant cutoff = clock.instant().minus(policy.deletedRetention());
        int removed = 0;
        while (true) {
            List<Product> batch = products.deletedBefore(cutoff, PURGE_BATCH);
            int removedNow = 0;
            for (Product product : batch) {
                // The image rows are read before the delete (a database's cascade takes them with it)
                // and their files deleted only once the removal has committed.
                Optional<List<ProductImage>> removedImages = transactions.inTransaction(() -> {
                    List<ProductImage> imagesOf =
                            images.map(rows -> rows.imagesOf(product.id())).orElse(List.of());
                    if (!products.delete(product.id(), product.version())) {
                        return Optional.empty();
                    }
                    images.ifPresent(rows -> rows.deleteAllOf(product.id()));
                    return Optional.of(imagesOf);
                });
                if (removedImages.isPresent()) {
                    removedNow++;
                    Set<PhotoKey> files = new LinkedHashSet<>();
                    product.photo().flatMap(Photo::storedKey).ifPresent(files::add);
                    removedImages
                            .get()
                            .forEach(image -> files.addAll(List.of(image.original(), image.small(), image.medium())));
                    files.forEach(key -> deleteAfterCommit(Optional.of(Photo.stored(key))));
                }
            }
            removed += removedNow;
            if (batch.size() < PURGE_BATCH || removedNow == 0) {
                return removed;
            }
        }
    }

    private boolean isRestorable(Product deleted, Instant now) {
        return deleted.deletedAt()
                .map(at -> at.plus(policy.deletedRetention()).isAfter(now))
                .orElse(true);
    }

    @Override
    public Product get(Viewer viewer, ProductId id) {
        return products.findById(id)
                .filter(p -> p.isVisibleTo(viewer))
                .orElseThrow(() -> new CatalogFailure.ProductNotFound(id));
    }

    @Override
    public Product getBySlug(Viewer viewer, Slug slug) {
        return products.findBySlug(slug)
                .filter(p -> p.isVisibleTo(viewer))
                .orElseThrow(() -> new CatalogFailure.SlugNotFound(slug));
    }

    @Override
    public ProductExport export(AuthenticatedUser caller) {
        requireWriter(caller);
        Optional<UserId> owner = caller.isAdmin() ? Optional.empty() : Optional.of(caller.userId());
        // Once: a repeat after a conflict would hand the sink the same products twice.
        return sink -> transactions.runOnce(() -> products.forEach(owner, sink));
    }

    @Override
    public ImportReport importProducts(
            AuthenticatedUser caller, ProductImport.Source rows, ProductImport.Options options) {
        requireWriter(caller);
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(options, "options");
        if (options.mode() == ProductImport.Mode.PER_ROW && !options.dryRun()) {
            ImportTally tally = new ImportTally();
            List<ProductImport.Row> chunk = new ArrayList<>(IMPORT_CHUNK);
            rows.forEachRow(row -> {
                chunk.add(row);
                if (chunk.size() == IMPORT_CHUNK) {
                    importChunk(caller, chunk, tally);
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                importChunk(caller, chunk, tally);
            }
            return tally.report(options, true);
        }
        // One transaction, rolled back by throwing when nothing may be applied. A repeat after a
        // conflict reads the source again from its start, into a new tally.
        try {
            return transactions.inTransaction(() -> {
                ImportTally tally = new ImportTally();
                rows.forEachRow(row -> tally.take(row, sku -> {
                    try {
                        return importRow(caller, row, sku);
                    } catch (RowWriteFailed failed) {
                        // The database refused a write (a concurrent import took a key since it was
                        // checked); a transaction may not go on after that, so the import stops here.
                        tally.refuse(row.number(), failed.failure);
                        throw new ImportRolledBack(tally.report(options, false));
                    }
                }));
                boolean apply = !options.dryRun() && !tally.hasErrors();
                ImportReport report = tally.report(options, apply);
                if (!apply) {
                    throw new ImportRolledBack(report);
                }
                return report;
            });
        } catch (ImportRolledBack rolledBack) {
            return rolledBack.report;
        }
    }

    /**
     * Applies a chunk of a {@code per_row} import's rows in one transaction, so that a large file
     * does not wait for a commit per row. A row's own errors are found before it writes anything,
     * so they leave nothing to undo; only a write the database refuses rolls the chunk back, and its
     * rows are then applied again one transaction each, exactly as if the chunk had never been.
     */
    private void importChunk(AuthenticatedUser caller, List<ProductImport.Row> chunk, ImportTally tally) {
        try {
            tally.absorb(transactions.inTransaction(() -> {
                ImportTally part = tally.part();
                chunk.forEach(row -> part.take(row, sku -> importRow(caller, row, sku)));
                return part;
            }));
        } catch (RowWriteFailed refused) {
            for (ProductImport.Row row : chunk) {
                tally.take(row, sku -> {
                    try {
                        return transactions.inTransaction(() -> importRow(caller, row, sku));
                    } catch (RowWriteFailed failed) {
                        throw failed.failure;
                    }
                });
            }
        }
    }

    /**
     * Applies one row in the current transaction. A failure found by checking, before anything is
     * written, is thrown as it is; one raised by a write is wrapped in {@link RowWriteFailed}. A
     * change takes no lock: it is written on the condition that the version read is still current
     * (so a row that changes nothing writes nothing), and read again after a concurrent writer won.
     */
    private ImportOutcome importRow(AuthenticatedUser caller, ProductImport.Row row, Optional<Sku> sku) {
        UserId owner = caller.userId();
        for (int attempt = 1; ; attempt++) {
            Optional<Product> match = sku.flatMap(s -> products.findBySku(owner, s));
            if (match.isEmpty()) {
                ProductDetails details = row.draft().newDetails();
                requireNoPhoto(details.photo().isPresent());
                ProductDetails unique = withUniqueKeys(owner, Optional.empty(), null, details);
                written(() -> products.add(newProduct(caller, unique)));
                return ImportOutcome.CREATED;
            }
            Product current = match.get();
            if (current.deletedAt().isPresent()) {
                throw CatalogFailure.InvalidInput.of("sku", SKU_OF_DELETED);
            }
            ProductPatch patch = row.patch();
            requireNoPhoto(patch.photo().isPresent());
            ProductDetails next = withUniqueKeys(
                    owner, Optional.of(current.id()), current.details(), patch.applyTo(current.details()));
            if (next.equals(current.details())) {
                return ImportOutcome.UNCHANGED;
            }
            Product changed = current.withDetails(next, clock.instant());
            if (written(() -> products.update(changed, current.version()))) {
                return ImportOutcome.UPDATED;
            }
            if (attempt == MAX_WRITE_ATTEMPTS) {
                throw new RowWriteFailed(new CatalogFailure.StaleVersion());
            }
        }
    }

    private static void requireNoPhoto(boolean hasPhoto) {
        if (hasPhoto) {
            throw CatalogFailure.InvalidInput.of("photo", NO_PHOTO_IN_IMPORT);
        }
    }

    private static <T> T written(Supplier<T> write) {
        try {
            return write.get();
        } catch (CatalogFailure refused) {
            throw new RowWriteFailed(refused);
        }
    }

    private enum ImportOutcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** The counts and errors of one pass over an import's rows, or of a chunk of them ({@link #part}). */
    private static final class ImportTally {
        private final Optional<ImportTally> whole;
        private final Map<Sku, Integer> rowOfSku = new HashMap<>();
        private final List<ProductImport.RowError> errors = new ArrayList<>();
        private int created;
        private int updated;
        private int unchanged;

        ImportTally() {
            this(Optional.empty());
        }

        private ImportTally(Optional<ImportTally> whole) {
            this.whole = whole;
        }

        /** A tally for the next rows that knows this one's SKUs, to {@link #absorb} once they are committed. */
        ImportTally part() {
            return new ImportTally(Optional.of(this));
        }

        void absorb(ImportTally part) {
            rowOfSku.putAll(part.rowOfSku);
            errors.addAll(part.errors);
            created += part.created;
            updated += part.updated;
            unchanged += part.unchanged;
        }

        private Integer firstRowOf(Sku sku, int row) {
            Integer before = whole.map(w -> w.rowOfSku.get(sku)).orElse(null);
            return before != null ? before : rowOfSku.putIfAbsent(sku, row);
        }

        /** Checks the row's SKU, then counts what {@code apply} did with it, or the errors it failed with. */
        void take(ProductImport.Row row, Function<Optional<Sku>, ImportOutcome> apply) {
            Optional<Sku> sku;
            try {
                sku = row.sku().filter(text -> !text.isBlank()).map(Sku::new);
            } catch (InvalidValue e) {
                errors.add(new ProductImport.RowError(row.number(), Optional.of("sku"), e.getMessage()));
                return;
            }
            if (sku.isPresent()) {
                Integer first = firstRowOf(sku.get(), row.number());
                if (first != null) {
                    errors.add(new ProductImport.RowError(
                            row.number(), Optional.of("sku"), "The same SKU is in row " + first + " already."));
                    return;
                }
            }
            try {
                switch (apply.apply(sku)) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (CatalogFailure refused) {
                refuse(row.number(), refused);
            }
        }

        void refuse(int row, CatalogFailure failure) {
            if (failure.fieldErrors().isEmpty()) {
                errors.add(new ProductImport.RowError(row, Optional.empty(), failure.getMessage()));
                return;
            }
            failure.fieldErrors()
                    .forEach((field, messages) -> messages.forEach(
                            message -> errors.add(new ProductImport.RowError(row, Optional.of(field), message))));
        }

        boolean hasErrors() {
            return !errors.isEmpty();
        }

        ImportReport report(ProductImport.Options options, boolean applied) {
            List<ProductImport.RowError> sorted = new ArrayList<>(errors);
            // Field errors come from maps: order each row's by column, so reports compare equal.
            sorted.sort(Comparator.comparingInt(ProductImport.RowError::row)
                    .thenComparing(e -> e.column().orElse("")));
            return new ImportReport(options, applied, created, updated, unchanged, sorted);
        }
    }

    /** A write the store refused while importing a row: the failure it gave. */
    private static final class RowWriteFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CatalogFailure failure;

        RowWriteFailed(CatalogFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    /** Leaves the import's transaction so that it rolls back, carrying the report to answer with. */
    private static final class ImportRolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ImportReport report;

        ImportRolledBack(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    @Override
    public ProductPage list(ProductQuery query) {
        return products.search(query);
    }

    @Override
    public ProductSlice listAfter(ProductQuery query, ProductCursor cursor) {
        return products.searchAfter(query, cursor);
    }

    @Override
    public Product attachPhoto(
            AuthenticatedUser caller, ProductId id, PhotoUpload photo, OptionalLong expectedVersion) {
        requireWriter(caller);
        PhotoType type = inspect(photo);
        // Refuse before writing a file; the conditional update below catches what changes meanwhile.
        requireMayChange(caller, load(id), expectedVersion);
        PhotoKey key = photos.store(photo.content(), type);
        Change change = discardingPhotoOnFailure(
                key,
                () -> retryingLostRaces(
                        expectedVersion,
                        () -> transactions.inTransaction(() -> {
                            Product current = loadForUpdate(id);
                            requireMayChange(caller, current, expectedVersion);
                            Product next = current.withPhoto(Optional.of(Photo.stored(key)), clock.instant());
                            if (!products.update(next, current.version())) {
                                throw conflictOn(id);
                            }
                            return new Change(current, next);
                        })));
        deleteAfterCommit(change.before().photo());
        return change.after();
    }

    @Override
    public Optional<StoredPhoto> openPhoto(PhotoKey key) {
        return photos.open(key);
    }

    /** Replace and patch: load, check, write conditionally on the version read, then tidy photos. */
    private Product change(
            AuthenticatedUser caller,
            ProductId id,
            OptionalLong expectedVersion,
            Function<Product, ProductDetails> edit) {
        requireWriter(caller);
        Change change = retryingLostRaces(
                expectedVersion,
                () -> transactions.inTransaction(() -> {
                    Product current = loadForUpdate(id);
                    requireMayChange(caller, current, expectedVersion);
                    ProductDetails edited = edit.apply(current);
                    requireOwnPhoto(current, edited.photo());
                    ProductDetails next = withUniqueKeys(current.owner(), Optional.of(id), current.details(), edited);
                    if (next.equals(current.details())) {
                        // Nothing changes, so nothing is written and the version (the ETag) stays valid.
                        return new Change(current, current);
                    }
                    Product changed = current.withDetails(next, clock.instant());
                    if (!products.update(changed, current.version())) {
                        throw conflictOn(id);
                    }
                    return new Change(current, changed);
                }));
        if (!change.after().photo().equals(change.before().photo())) {
            deleteAfterCommit(change.before().photo());
        }
        return change.after();
    }

    /**
     * A write with no expected version that loses the conditional update to a concurrent writer is
     * done again on what that writer left: the client asked for no precondition, so the last writer
     * wins (field by field, for a patch) rather than anyone seeing 412. Only
     * {@value #MAX_WRITE_ATTEMPTS} lost races in a row give up with the conflict.
     */
    private static <T> T retryingLostRaces(OptionalLong expectedVersion, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (CatalogFailure.StaleVersion lost) {
                if (expectedVersion.isPresent() || attempt == MAX_WRITE_ATTEMPTS) {
                    throw lost;
                }
            }
        }
    }

    private record Change(Product before, Product after) {}

    /**
     * {@code next} once its SKU (among {@code owner}'s products) and its slug (among all) are
     * known to be free, with a slug made from the name when it has none. {@code before} is null for
     * a new product; a key it already had is not checked again.
     *
     * @throws CatalogFailure.SkuTaken  when another product of the owner has the SKU
     * @throws CatalogFailure.SlugTaken when another product has the slug that was set
     */
    private ProductDetails withUniqueKeys(
            UserId owner, Optional<ProductId> self, ProductDetails before, ProductDetails next) {
        ProductAttributes attributes = next.attributes();
        Optional<ProductAttributes> old = Optional.ofNullable(before).map(ProductDetails::attributes);
        Optional<Sku> sku = attributes.sku();
        if (sku.isPresent()
                && !old.flatMap(ProductAttributes::sku).equals(sku)
                && products.findBySku(owner, sku.get())
                        .filter(p -> !isSelf(p, self))
                        .isPresent()) {
            throw new CatalogFailure.SkuTaken();
        }
        Optional<Slug> slug = attributes.slug();
        if (slug.isPresent()) {
            if (!old.flatMap(ProductAttributes::slug).equals(slug)
                    && products.findBySlug(slug.get())
                            .filter(p -> !isSelf(p, self))
                            .isPresent()) {
                throw new CatalogFailure.SlugTaken();
            }
            return next;
        }
        return next.withAttributes(attributes.withSlug(Optional.of(freeSlug(Slug.from(next.name()), self))));
    }

    /** {@code base}, or the first {@code base-2}, {@code base-3}, … that no other product has. */
    private Slug freeSlug(Slug base, Optional<ProductId> self) {
        // Most names are new: one lookup of the slug itself settles it.
        Optional<Product> holder = products.findBySlug(base);
        if (holder.isEmpty() || isSelf(holder.get(), self)) {
            return base;
        }
        Set<Slug> taken = new HashSet<>(products.slugsLike(base));
        self.flatMap(products::findById).flatMap(p -> p.attributes().slug()).ifPresent(taken::remove);
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            Slug candidate = base.withSuffix(n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static boolean isSelf(Product p, Optional<ProductId> self) {
        return self.map(p.id()::equals).orElse(false);
    }

    /**
     * A write whose slug was made from the name, and which a concurrent write beat to that slug,
     * is done again: it then makes the next free one. A slug the client set stays taken.
     */
    private static <T> T retryingTakenSlugs(ProductDetails details, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (CatalogFailure.SlugTaken taken) {
                if (details.attributes().slug().isPresent() || attempt == MAX_WRITE_ATTEMPTS) {
                    throw taken;
                }
            }
        }
    }

    private static void requireWriter(AuthenticatedUser caller) {
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

    /**
     * A stored photo may only be named to keep the product's own: pointing at another product's
     * file would let one product's deletion break the other's photo.
     */
    private static void requireOwnPhoto(Product current, Optional<Photo> next) {
        if (next.flatMap(Photo::storedKey).isPresent() && !next.equals(current.photo())) {
            throw CatalogFailure.InvalidInput.of("photo", NOT_THIS_PRODUCTS_PHOTO);
        }
    }

    private Product load(ProductId id) {
        return products.findById(id).orElseThrow(() -> new CatalogFailure.ProductNotFound(id));
    }

    private Product loadForUpdate(ProductId id) {
        return products.findByIdForUpdate(id).orElseThrow(() -> new CatalogFailure.ProductNotFound(id));
    }

    /** After a conditional write matched nothing: the product is gone, or someone else changed it first. */
    private CatalogFailure conflictOn(ProductId id) {
        return products.findById(id).isPresent()
                ? new CatalogFailure.StaleVersion()
                : new CatalogFailure.ProductNotFound(id);
    }

    private NewProduct newProduct(AuthenticatedUser caller, ProductDetails details) {
        return new NewProduct(caller.userId(), details, clock.instant());
    }

    private PhotoKey store(PhotoUpload upload) {
        return photos.store(upload.content(), inspect(upload));
    }

    private PhotoType inspect(PhotoUpload upload) {
        if (upload.size() > policy.maxPhotoBytes()) {
            throw new CatalogFailure.PhotoTooLarge(policy.maxPhotoBytes());
        }
        return PhotoType.detect(upload.firstBytes(MAGIC_BYTES)).orElseThrow(CatalogFailure.UnsupportedPhoto::new);
    }

    private <T> T discardingPhotoOnFailure(PhotoKey key, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            try {
                photos.delete(key);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Deletes a file the committed change no longer references. The change stands even if this
     * fails, so a failure only leaves an unreferenced file, which is logged.
     */
    private void deleteAfterCommit(Optional<Photo> old) {
        old.flatMap(Photo::storedKey).ifPresent(key -> {
            try {
                photos.delete(key);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not delete the unreferenced photo " + key, e);
            }
        });
    }
}

package dev.stockroom.core.catalog.port.in;

import dev.stockroom.core.catalog.domain.CatalogFailure;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The parts of a bulk import of products ({@link Catalog#importProducts}): where its rows come
 * from, how they are applied, and the report. The core never sees the file format; an edge reads
 * the file (CSV, say) and hands over one {@link Row} at a time.
 */
public final class ProductImport {
    private ProductImport() {}

    /** How the rows of an import are applied. */
    public enum Mode {
        /** One transaction: a single bad row means nothing is applied, and every error is reported. */
        ALL_OR_NOTHING("all_or_nothing"),
        /** Each row on its own: the good rows are applied, the bad ones reported. */
        PER_ROW("per_row");

        private final String apiName;

        Mode(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        /** The mode with this API name; empty for any other text. */
        public static Optional<Mode> parse(String text) {
            for (Mode mode : values()) {
                if (mode.apiName.equals(text)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * How to import.
     *
     * @param dryRun do everything a real import would, check every row against what is stored, and
     *               then change nothing: the report tells what the real import would do
     */
    public record Options(Mode mode, boolean dryRun) {
        public Options {
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * One row of the file. The SKU decides what the row does: a row whose SKU one of the caller's
     * products has changes that product with the row's fields ({@link #patch()}); any other row,
     * one without an SKU included, adds a product ({@link #draft()}).
     */
    public interface Row {
        /** The row's number, counted from 1 after the header. */
        int number();

        /** The SKU as the row gives it, unchecked; empty when the row has none. */
        Optional<String> sku();

        /**
         * The row as a new product: the fields it does not give take their defaults.
         *
         * @throws CatalogFailure.InvalidInput naming each bad field
         */
        ProductDraft draft();

        /**
         * The row as a change to an existing product: only the fields it gives change.
         *
         * @throws CatalogFailure.InvalidInput naming each bad field
         */
        ProductPatch patch();
    }

    /**
     * The rows of one file. {@link #forEachRow} may be called more than once (a transaction the
     * database refused for a concurrent one is run again from the start) and hands over the same
     * rows in the same order each time, one at a time, so that a file of any size is never held
     * whole.
     */
    @FunctionalInterface
    public interface Source {
        void forEachRow(Consumer<Row> sink);
    }

    /**
     * What is wrong with one row.
     *
     * @param row    the row's number
     * @param column the API field name at fault; empty when the row as a whole is
     * @param message one sentence, in English
     */
    public record RowError(int row, Optional<String> column, String message) {
        public RowError {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(message, "message");
        }
    }
}

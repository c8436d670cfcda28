package dev.stockroom.core.catalog.port.in;

import java.util.List;
import java.util.Objects;

/**
 * What an import did, or (in a dry run, or when an all-or-nothing import had errors) would have
 * done: the counts are those of the rows without errors.
 *
 * @param applied   whether the counted changes are stored
 * @param created   rows that add a product
 * @param updated   rows that change one of the caller's products
 * @param unchanged rows that match a product as it already is
 * @param errors    every bad row's errors, in row order
 */
public record ImportReport(
        ProductImport.Options options,
        boolean applied,
        int created,
        int updated,
        int unchanged,
        List<ProductImport.RowError> errors) {

    public ImportReport {
        Objects.requireNonNull(options, "options");
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}

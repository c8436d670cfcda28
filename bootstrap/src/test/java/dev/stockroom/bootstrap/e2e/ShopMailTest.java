package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shop's name and its own wording, set by variables as an operator would, in the mail a
 * registration really sends over SMTP. On the embedded default only: templates never touch the
 * database.
 */
class ShopMailTest {
    private static final Path TEMPLATES = templates();

    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2()
            .withEnvironment(Map.of(
                    "STOCKROOM_SHOP_NAME", "Corner Shop",
                    "STOCKROOM_SHOP_URL", "https://corner.example/",
                    "STOCKROOM_MAIL_TEMPLATES_DIR", TEMPLATES.toString()));

    @Test
    void a_registration_mails_the_code_worded_by_the_templates_directory_and_signed_by_the_shop() {
        String username = AccountFlowsTest.unique();
        String email = AccountFlowsTest.email(username);

        Reply registered = STOCKROOM.http.post("/users/register/", AccountFlowsTest.registration(username));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(STOCKROOM.subject(email, 1)).isEqualTo("Corner Shop: confirm your address");
        assertThat(STOCKROOM.mail(email, 1).replace("\r\n", "\n"))
                .startsWith("Ada, your Corner Shop code is ")
                .endsWith("\nhttps://corner.example/\n");
        // The code in the shop's own wording is the one the service checks.
        Reply verified = STOCKROOM.http.post(
                "/users/verify/", map("code", STOCKROOM.code(email, 1)), registered.text("access_token"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
    }

    private static Path templates() {
        try {
            Path dir = Files.createTempDirectory("stockroom-mail-templates");
            Files.writeString(dir.resolve("verification-code.subject.txt"), "{{shop_name}}: confirm your address\n");
            Files.writeString(
                    dir.resolve("verification-code.txt"),
                    "{{first_name}}, your {{shop_name}} code is {{code}}.\n{{#shop_url}}{{shop_url}}\n{{/shop_url}}");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void removeTemplates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}

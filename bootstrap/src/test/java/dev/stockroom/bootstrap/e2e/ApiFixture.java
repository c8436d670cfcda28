package dev.stockroom.bootstrap.e2e;

import static dev.stockroom.bootstrap.e2e.HttpApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.bootstrap.StockroomApplication;
import dev.stockroom.bootstrap.e2e.HttpApi.Reply;
import dev.stockroom.core.catalog.SampleImages;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real accounts and catalogue content for the tests that walk the whole API: verified users (one
 * an admin), a user who has not verified yet, products with a photo, all made through the API as a
 * client would.
 */
final class ApiFixture {
    static final String PASSWORD = AccountFlowsTest.PASSWORD;
    static final String BOUNDARY = "----stockroom-fixture-boundary";

    /** A user and the tokens of one of their sessions. */
    record Account(String id, String username, String email, String accessToken, String refreshToken) {}

    final Account owner;
    final Account admin;
    final Account other;
    final Account newcomer;
    final List<Long> products = new ArrayList<>();
    /** {@code /media/…} of the photo of {@code products.get(0)}. */
    final String photoPath;

    private final RunningStockroom stockroom;

    private ApiFixture(RunningStockroom stockroom) throws Exception {
        this.stockroom = stockroom;
        owner = verified("owner");
        admin = verified("admin");
        makeAdmin(admin.username());
        other = verified("other");
        String username = AccountFlowsTest.unique();
        Reply registered = stockroom.http.post("/users/register/", AccountFlowsTest.registration(username));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        newcomer = new Account(
                idOf(registered.text("access_token")),
                username,
                AccountFlowsTest.email(username),
                registered.text("access_token"),
                null);

        Reply pictured = stockroom.http.send(
                "/products/add/",
                "POST",
                "multipart/form-data; boundary=" + BOUNDARY,
                multipart(
                        Map.of("name", "Pictured", "price", "4.20", "quantity", "2"),
                        "photo",
                        "dot.png",
                        SampleImages.png()),
                owner.accessToken());
        assertThat(pictured.status()).as(pictured.toString()).isEqualTo(201);
        products.add(pictured.body().at("/data/id").asLong());
        photoPath = URI.create(pictured.body().at("/data/photo").asText()).getRawPath();
        for (int i = 0; i < 4; i++) {
            products.add(product(owner, "Lamp " + i));
        }
    }

    static ApiFixture create(RunningStockroom stockroom) throws Exception {
        return new ApiFixture(stockroom);
    }

    /** Registers, verifies with the mailed code; the account and the session verify opened. */
    Account verified(String role) {
        String username = role + AccountFlowsTest.unique();
        String email = AccountFlowsTest.email(username);
        Reply registered = stockroom.http.post("/users/register/", AccountFlowsTest.registration(username));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Reply verified = stockroom.http.post(
                "/users/verify/", map("code", stockroom.code(email, 1)), registered.text("access_token"));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        return new Account(
                idOf(verified.text("access_token")),
                username,
                email,
                verified.text("access_token"),
                verified.text("refresh_token"));
    }

    private String idOf(String accessToken) {
        Reply me = stockroom.http.get("/users/me/", accessToken);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.body().at("/data/id").asText();
    }

    /** Another session of {@code account}, by logging in. */
    Account loggedIn(Account account) {
        Reply login = stockroom.http.post("/users/login/", map("username", account.username(), "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new Account(
                account.id(),
                account.username(),
                account.email(),
                login.text("access_token"),
                login.text("refresh_token"));
    }

    long product(Account account, String name) {
        Reply added = stockroom.http.post(
                "/products/add/",
                map("name", name, "price", "12.50", "photo", "", "description", "A sturdy thing", "quantity", 3),
                account.accessToken());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.body().at("/data/id").asLong();
    }

    private void makeAdmin(String username) throws Exception {
        Path config = Files.createTempFile(stockroom.dataDir, "command", ".yml");
        Files.writeString(config, stockroom.commandConfig());
        new StockroomApplication(Map.of(), stockroom.clock) {
            @Override
            protected void onFatalError(Throwable t) {
                throw new AssertionError("make-admin failed", t);
            }
        }.run("make-admin", username, config.toString());
    }

    static byte[] multipart(Map<String, String> fields, String fileField, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (fileField != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileField
                            + "\"; filename=\"" + fileName + "\"\r\nContent-Type: image/png\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}

package dev.stockroom.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document the service serves: valid OpenAPI 3.1 by swagger-parser, and naming every
 * route Jersey serves, read from Jersey's own resource model at run time, so that a new endpoint
 * the document misses fails here.
 */
class OpenApiTest {
    @RegisterExtension
    static final RunningStockroom STOCKROOM = RunningStockroom.onEmbeddedH2();

    private static HttpApi.Reply served;
    private static SwaggerParseResult parsed;

    @BeforeAll
    static void read() throws IOException {
        served = STOCKROOM.http.get("/openapi.json", null);
        // Kept for a look at what the build served.
        Path target =
                Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("target");
        Files.createDirectories(target);
        Files.write(target.resolve("openapi.json"), served.bytes());
        parsed = parse(new String(served.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void the_document_is_valid_openapi_3_1() {
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("application/json");
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("Stockroom");
        assertThat(parsed.getOpenAPI().getInfo().getVersion()).isNotBlank().isNotEqualTo("unknown");
    }

    @Test
    void every_route_jersey_serves_is_in_the_document_with_its_method() {
        Set<String> routes = jerseyRoutes();
        // The model holds every resource: a wrong walk of it must not pass for an empty list.
        assertThat(routes)
                .contains(
                        "POST /users/register",
                        "GET /products",
                        "GET /openapi.json",
                        "POST /users/login/mfa",
                        "POST /users/mfa/totp/setup",
                        "POST /users/mfa/totp/confirm",
                        "POST /users/mfa/totp/disable");
        assertThat(documentedRoutes(parsed.getOpenAPI())).containsAll(routes);
    }

    @Test
    void the_document_names_only_routes_jersey_serves() {
        assertThat(jerseyRoutes()).containsAll(documentedRoutes(parsed.getOpenAPI()));
    }

    @Test
    void the_error_envelope_is_a_schema_and_every_operation_answers_errors_with_it() {
        OpenAPI openApi = parsed.getOpenAPI();
        Schema<?> envelope = openApi.getComponents().getSchemas().get("ErrorBody");
        assertThat(envelope).isNotNull();
        assertThat(envelope.getProperties()).containsOnlyKeys("status", "message", "errors", "request_id");
        assertThat(envelope.getProperties().get("errors").getAdditionalProperties())
                .isNotNull();
        assertThat(envelope.getRequired()).contains("status", "message");
        // One schema per body class (swagger names them by simple name), and none of Jersey's multipart classes.
        assertThat(openApi.getComponents().getSchemas())
                .containsKeys("AccountReply", "AdminReply", "ProductReply", "ProductPage", "SessionBody")
                .doesNotContainKeys("Reply", "FormDataMultiPart", "BodyPart");
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    assertThat(operation.getResponses())
                            .as("%s %s", method, path)
                            .containsKey("default");
                    operation.getResponses().forEach((status, response) -> {
                        if (path.equals("/products/import/") && status.equals("400")) {
                            // Either the import's report (bad rows) or the envelope (a malformed file).
                            List<String> either = new java.util.ArrayList<>();
                            for (Object schema : response.getContent()
                                    .get("application/json")
                                    .getSchema()
                                    .getOneOf()) {
                                either.add(((Schema<?>) schema).get$ref());
                            }
                            assertThat(either)
                                    .containsExactlyInAnyOrder(
                                            "#/components/schemas/ImportReport", "#/components/schemas/ErrorBody");
                        } else if (status.equals("default") || status.startsWith("4") || status.startsWith("5")) {
                            assertThat(errorSchemaRef(response))
                                    .as("%s %s %s", method, path, status)
                                    .isEqualTo("#/components/schemas/ErrorBody");
                        }
                    });
                }));
    }

    @Test
    void operations_say_what_they_answer_and_which_need_a_token() {
        OpenAPI openApi = parsed.getOpenAPI();
        assertThat(openApi.getComponents().getSecuritySchemes().get("bearer").getBearerFormat())
                .isEqualTo("JWT");
        Operation register = openApi.getPaths().get("/users/register/").getPost();
        assertThat(register.getResponses()).containsKeys("201", "400", "429");
        assertThat(register.getSecurity()).isNullOrEmpty();
        Operation add = openApi.getPaths().get("/products/add/").getPost();
        assertThat(add.getSecurity())
                .singleElement()
                .satisfies(s -> assertThat(s).containsKey("bearer"));
        // The raw-bytes and multipart bodies are described, not left as a byte array.
        assertThat(add.getRequestBody().getContent()).containsKeys("application/json", "multipart/form-data");
        assertThat(add.getRequestBody()
                        .getContent()
                        .get("application/json")
                        .getSchema()
                        .get$ref())
                .endsWith("/ProductFields");
        Operation photo = openApi.getPaths().get("/products/{id}/photo/").getPost();
        assertThat(photo.getRequestBody().getContent()).containsOnlyKeys("multipart/form-data");
        Operation addImage = openApi.getPaths().get("/products/{id}/images/").getPost();
        assertThat(addImage.getResponses()).containsKeys("201", "400", "401", "403", "404", "413");
        assertThat(addImage.getSecurity())
                .singleElement()
                .satisfies(s -> assertThat(s).containsKey("bearer"));
        assertThat(addImage.getRequestBody()
                        .getContent()
                        .get("multipart/form-data")
                        .getSchema()
                        .get$ref())
                .endsWith("/ImageForm");
        assertThat(openApi.getPaths()
                        .get("/products/{id}/images/{image_id}/")
                        .getDelete()
                        .getResponses())
                .containsKeys("200", "404");
        Operation reorder =
                openApi.getPaths().get("/products/{id}/images/order/").getPut();
        assertThat(reorder.getRequestBody()
                        .getContent()
                        .get("application/json")
                        .getSchema()
                        .get$ref())
                .endsWith("/ImageOrder");
        Schema<?> product = openApi.getComponents().getSchemas().get("ProductBody");
        assertThat(product.getProperties().keySet()).contains("images");
        assertThat(openApi.getPaths()
                        .get("/media/{key}")
                        .getGet()
                        .getResponses()
                        .get("200")
                        .getContent())
                .containsKey("image/png");
    }

    @Test
    void the_email_change_deletion_and_export_operations_say_who_may_call_them() {
        OpenAPI openApi = parsed.getOpenAPI();
        Operation deleteMe = openApi.getPaths().get("/users/me/").getDelete();
        assertThat(deleteMe.getResponses()).containsKeys("200", "400", "401");
        assertThat(deleteMe.getSecurity())
                .singleElement()
                .satisfies(s -> assertThat(s).containsKey("bearer"));
        assertThat(deleteMe.getRequestBody().getContent()).containsKey("application/json");
        Operation undo = openApi.getPaths().get("/users/email/change/undo/").getPost();
        assertThat(undo.getSecurity()).isNullOrEmpty();
        assertThat(undo.getResponses()).containsKeys("200", "400", "429");
        assertThat(openApi.getPaths().get("/users/email/change/").getPost().getSecurity())
                .singleElement()
                .satisfies(s -> assertThat(s).containsKey("bearer"));
        assertThat(openApi.getPaths()
                        .get("/users/email/change/verify/")
                        .getPost()
                        .getResponses())
                .containsKeys("200", "400", "401");
        assertThat(openApi.getPaths().get("/users/me/export/").getGet().getResponses())
                .containsKeys("200", "401");
        assertThat(openApi.getPaths().get("/admin/users/{id}/").getDelete().getResponses())
                .containsKeys("200", "403", "404");
    }

    @Test
    void the_yaml_document_is_the_same_document() {
        HttpApi.Reply yaml = STOCKROOM.http.get("/openapi.yaml/", null);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        SwaggerParseResult fromYaml = parse(new String(yaml.bytes(), StandardCharsets.UTF_8));
        assertThat(fromYaml.getMessages()).isEmpty();
        assertThat(fromYaml.getOpenAPI()).isEqualTo(parsed.getOpenAPI());
    }

    private static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setValidateInternalRefs(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }

    private static String errorSchemaRef(ApiResponse response) {
        if (response.getContent() == null || response.getContent().get("application/json") == null) {
            return null;
        }
        return response.getContent().get("application/json").getSchema().get$ref();
    }

    /** "METHOD /path" for every resource method of Jersey's running model, Jersey's own OPTIONS left out. */
    private static Set<String> jerseyRoutes() {
        ServletContainer container =
                (ServletContainer) STOCKROOM.app.getEnvironment().getJerseyServletContainer();
        ExtendedResourceContext context =
                container.getApplicationHandler().getInjectionManager().getInstance(ExtendedResourceContext.class);
        Set<String> routes = new TreeSet<>();
        for (Resource resource : context.getResourceModel().getRootResources()) {
            collect(resource, "", routes);
        }
        return routes;
    }

    private static void collect(Resource resource, String parent, Set<String> routes) {
        String path = parent + "/" + (resource.getPath() == null ? "" : resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            if (!method.isExtended()) {
                routes.add(method.getHttpMethod() + " " + normalized(path));
            }
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    private static Set<String> documentedRoutes(OpenAPI openApi) {
        Set<String> routes = new TreeSet<>();
        for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
            path.getValue()
                    .readOperationsMap()
                    .keySet()
                    .forEach(method -> routes.add(method.name() + " " + normalized(path.getKey())));
        }
        return routes;
    }

    /** One spelling of a path template: one '/' between segments, none at the end, no regular expressions. */
    private static String normalized(String template) {
        String path = template.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}

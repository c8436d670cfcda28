package dev.stockroom.bootstrap;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.setup.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The browsable API page at {@code /docs/}: Swagger UI from its webjar, inside the jar, on the
 * service's {@code /openapi.json}. Two asset servlets: the page itself ({@code docs/} in the jar)
 * and Swagger UI's files under {@code /docs/swagger-ui/}.
 */
final class DocsPage {
    static final String PATH = "/docs/";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

    private DocsPage() {}

    static void addTo(Bootstrap<?> bootstrap) {
        bootstrap.addBundle(new AssetsBundle("/docs/", PATH, "index.html", "docs"));
        bootstrap.addBundle(
                new AssetsBundle("/" + WEBJAR + swaggerUiVersion() + "/", PATH + "swagger-ui/", null, "swagger-ui"));
    }

    /** The webjar's version, read from its own Maven metadata, so a new webjar needs no change here. */
    static String swaggerUiVersion() {
        try (InputStream in = DocsPage.class
                .getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The swagger-ui webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

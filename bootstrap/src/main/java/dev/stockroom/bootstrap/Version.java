package dev.stockroom.bootstrap;

import io.dropwizard.util.JarLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The service's version: the jar manifest's {@code Implementation-Version} (the shade plugin writes
 * it), else the one Maven wrote into {@code version.properties} at build time (classes run from a
 * directory, as in tests, have no manifest).
 */
final class Version {
    private Version() {}

    static String current() {
        return Optional.ofNullable(Version.class.getPackage())
                .map(Package::getImplementationVersion)
                .or(Version::fromBuild)
                .orElse("unknown");
    }

    private static Optional<String> fromBuild() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"))
                    .filter(version -> !version.isBlank() && !version.startsWith("$"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code --version} prints. */
    static final class Location extends JarLocation {
        Location(Class<?> klass) {
            super(klass);
        }

        @Override
        public Optional<String> getVersion() {
            return Optional.of(current());
        }
    }
}

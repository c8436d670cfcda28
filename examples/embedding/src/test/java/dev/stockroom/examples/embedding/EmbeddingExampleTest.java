package dev.stockroom.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link EmbeddingExample} as a user would, in a JVM of its own on this module's classpath
 * (nothing but its pom's dependencies), against a GreenMail SMTP server on a free loopback port,
 * and reads everything the program printed.
 */
class EmbeddingExampleTest {

    @Test
    void the_example_migrates_registers_ada_and_mails_her_the_code_with_no_service_loading_errors(@TempDir Path dir)
            throws Exception {
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path output = dir.resolve("output.txt");
        Process example = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddingExample.class.getName(),
                        dir.resolve("data").toString(),
                        "127.0.0.1",
                        Integer.toString(smtpPort),
                        "SMTP"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            // Waits for the relay's first run (a second after the registration); gives up when the program
            // ends early, or after two minutes rather than hang the build.
            boolean received = false;
            for (int second = 0; second < 120 && !received && example.isAlive(); second++) {
                received = smtp.waitForIncomingEmail(1_000, 1);
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(received)
                    .as("a mail arrived; the program printed:%n%s", printed)
                    .isTrue();

            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
            assertThat(GreenMailUtil.getBody(mail)).containsPattern("\\d{6}");
            assertThat(printed)
                    .contains("Registered ada; the code waits in the outbox")
                    // The Liquibase parsers on its service list that the program's classpath cannot load
                    // (its YAML ones without SnakeYAML) are logged at INFO with a stack trace each.
                    .doesNotContain("ServiceConfigurationError")
                    .doesNotContain("Cannot load service");
            assertThat(dir.resolve("data").resolve("stockroom.mv.db")).exists();
        } finally {
            example.destroy();
            example.waitFor();
            smtp.stop();
        }
    }

    @Test
    void the_example_runs_on_the_classpath_of_this_module_alone() {
        assertThat(System.getProperty("java.class.path").split(File.pathSeparator))
                .anyMatch(entry -> entry.contains("stockroom-core") || entry.endsWith("core/target/classes"))
                .noneMatch(entry -> entry.contains("dropwizard"));
    }
}

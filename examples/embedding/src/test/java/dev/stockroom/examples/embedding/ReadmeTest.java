package dev.stockroom.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** README's "Embedding the core" shows this module's pom dependencies and its program, as they are. */
class ReadmeTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", "."));

    @Test
    void the_readme_names_the_dependencies_of_this_modules_pom_line_for_line() throws IOException {
        String pom = Files.readString(MODULE.resolve("pom.xml"), StandardCharsets.UTF_8);
        String dependencies = pom.substring(
                pom.indexOf("  <dependencies>"), pom.indexOf("</dependencies>") + "</dependencies>".length());

        assertThat(embeddingSectionBlock("xml")).isEqualTo(dedent(dependencies));
    }

    @Test
    void the_readme_example_is_the_code_of_the_example_program_line_for_line() throws IOException {
        String source = Files.readString(
                MODULE.resolve("src/main/java/dev/stockroom/examples/embedding/EmbeddingExample.java"),
                StandardCharsets.UTF_8);
        String marked = source.substring(
                source.indexOf('\n', source.indexOf("// README begin")) + 1,
                source.lastIndexOf('\n', source.indexOf("// README end")));

        assertThat(embeddingSectionBlock("java")).isEqualTo(dedent(marked));
    }

    /** The first block of the language in README's "Embedding the core" section. */
    private static String embeddingSectionBlock(String language) throws IOException {
        String readme = Files.readString(MODULE.resolve("../../README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n## Embedding the core\n");
        assertThat(section).as("README has the section").isNotNegative();
        int next = readme.indexOf("\n## ", section + 1);
        String text = readme.substring(section, next < 0 ? readme.length() : next);
        int open = text.indexOf("```" + language + "\n");
        assertThat(open).as("the section has a %s block", language).isNotNegative();
        int start = open + language.length() + 4;
        return text.substring(start, text.indexOf("\n```", start));
    }

    private static String dedent(String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        int indent = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n"));
    }
}

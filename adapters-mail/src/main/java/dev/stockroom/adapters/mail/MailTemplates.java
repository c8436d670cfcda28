package dev.stockroom.adapters.mail;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject, plain-text and HTML templates of every {@link NotificationKind}, read from
 * {@code templates/} beside this class when constructed, so a missing or malformed template stops
 * the application at start rather than at the first mail. A template names a notification value
 * as {@code {{name}}}; values are HTML-escaped in the HTML body. A template naming a value the
 * notification does not carry is a programming error and fails the rendering.
 */
final class MailTemplates {
    private static final String DIRECTORY = "templates/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final Map<NotificationKind, Template> templates = new EnumMap<>(NotificationKind.class);

    MailTemplates() {
        Properties subjects = new Properties();
        try (Reader reader = new InputStreamReader(open("subjects.properties"), UTF_8)) {
            subjects.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the mail subjects", e);
        }
        for (NotificationKind kind : NotificationKind.values()) {
            String name = kind.name().toLowerCase(Locale.ROOT);
            String subject = subjects.getProperty(name);
            if (subject == null) {
                throw new IllegalStateException("No mail subject for " + kind + " in subjects.properties");
            }
            templates.put(
                    kind,
                    new Template(
                            checked(subject, "subject of " + kind),
                            checked(read(name + ".txt"), name + ".txt"),
                            checked(read(name + ".html"), name + ".html")));
        }
    }

    RenderedMail render(Notification notification) {
        Template template = templates.get(notification.kind());
        return new RenderedMail(
                fill(template.subject(), notification, UnaryOperator.identity()),
                fill(template.text(), notification, UnaryOperator.identity()),
                fill(template.html(), notification, MailTemplates::escapeHtml));
    }

    static String escapeHtml(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String fill(String template, Notification notification, UnaryOperator<String> escape) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (placeholder.find()) {
            // Notification.value throws when the value is missing: the template and the core disagree.
            String value = escape.apply(notification.value(placeholder.group(1)));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    /** A mistyped placeholder such as {@code {{ code }}} would otherwise reach the reader verbatim. */
    private static String checked(String template, String name) {
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        if (rest.contains("{{") || rest.contains("}}")) {
            throw new IllegalStateException("Malformed placeholder in mail template " + name);
        }
        return template;
    }

    private static String read(String file) {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read mail template " + file, e);
        }
    }

    private static InputStream open(String file) {
        InputStream in = MailTemplates.class.getResourceAsStream(DIRECTORY + file);
        if (in == null) {
            throw new IllegalStateException("Missing mail template " + DIRECTORY + file);
        }
        return in;
    }

    private record Template(String subject, String text, String html) {}
}

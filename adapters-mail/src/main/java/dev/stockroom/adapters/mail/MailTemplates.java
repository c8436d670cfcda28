package dev.stockroom.adapters.mail;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stockroom.core.notification.domain.Notification;
import dev.stockroom.core.notification.domain.NotificationKind;
import dev.stockroom.core.shared.InvalidValue;
import dev.stockroom.core.shared.LanguageTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subject, plain-text and HTML templates of every {@link NotificationKind}, read and checked
 * once, when the application starts, so that a missing or wrong template stops the start rather
 * than the first mail.
 *
 * <p>Each kind has three files, named after the kind in lower case with {@code -} for {@code _}:
 * {@code verification-code.subject.txt} (one line), {@code verification-code.txt} and
 * {@code verification-code.html}. The shipped ones sit in {@code templates/} beside this class; a
 * {@linkplain TemplateSettings#templatesDirectory() templates directory} may replace any of them by
 * holding a file of the same name, and every file it lacks comes from the shipped set.
 *
 * <p>Those are the English templates, and English is what a mail falls back to. Every other
 * language has its own directory, named by its BCP 47 tag in normal form: the shipped German
 * ones sit in {@code templates/de/}, with every file English has (a test keeps it so). A templates
 * directory replaces them from its own {@code de/}, and adds a language with a directory of a new
 * tag ({@code fr/}, {@code pt-BR/}); for a language not shipped, each kind has all three files or
 * none, and a kind with none is written in English. A notification is written in its locale's
 * best match among the languages that have its kind (RFC 4647 lookup: {@code de-AT} gets {@code
 * de}), else in English.
 *
 * <p>The only syntax is {@code {{name}}}, replaced by a value, and {@code {{#name}}…{{/name}}},
 * kept only when the value is not empty (for the optional {@code shop_url}); sections do not nest.
 * Every template may use {@code shop_name} and {@code shop_url}, and the values its kind's
 * notification carries (see {@link #placeholders}). Values are inserted as they are, never read
 * as template text; in the HTML body they are HTML-escaped, in the subject line breaks become
 * spaces. A placeholder a template may not use, a malformed one ({@code {{ code }}}), an unclosed
 * section, a file of an unknown name in the directory or one that is not UTF-8 fails {@link
 * #load}, with every problem in one message naming the file.
 */
public final class MailTemplates {
    static final String SHOP_NAME = "shop_name";
    static final String SHOP_URL = "shop_url";
    /** Larger than any mail should be; a bigger file is a mistake (a wrong path, an image). */
    static final int MAX_FILE_BYTES = 256 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(MailTemplates.class);
    private static final String SHIPPED = "templates/";
    static final LanguageTag GERMAN = new LanguageTag("de");
    /** The languages shipped in full, English first. */
    static final List<LanguageTag> SHIPPED_LANGUAGES = List.of(LanguageTag.ENGLISH, GERMAN);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final Pattern SECTION = Pattern.compile("\\{\\{#([a-z_]+)}}(.*?)\\{\\{/\\1}}", Pattern.DOTALL);
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t]+");

    /** The three files of a kind. */
    enum Part {
        SUBJECT(".subject.txt"),
        TEXT(".txt"),
        HTML(".html");

        final String suffix;

        Part(String suffix) {
            this.suffix = suffix;
        }
    }

    /** English has every kind; another language the kinds it has. */
    private final Map<LanguageTag, Map<NotificationKind, Template>> templates;

    private final String shopName;
    private final String shopUrl;

    /** The shipped templates with the default shop name. */
    MailTemplates() {
        this(loadAll(TemplateSettings.defaults()), TemplateSettings.defaults());
    }

    private MailTemplates(Map<LanguageTag, Map<NotificationKind, Template>> templates, TemplateSettings settings) {
        this.templates = templates;
        this.shopName = settings.shopName();
        this.shopUrl = settings.shopUrl().orElse("");
    }

    /** The shipped templates, signed with the default shop name and no link. */
    public static MailTemplates shipped() {
        return new MailTemplates();
    }

    /**
     * Reads and checks every template: the directory's where it has the file, the shipped one
     * otherwise.
     *
     * @throws IllegalArgumentException naming each file at fault and what is wrong in it
     */
    public static MailTemplates load(TemplateSettings settings) {
        return new MailTemplates(loadAll(settings), settings);
    }

    /** The file name of one part of one kind, such as {@code password-reset-code.subject.txt}. */
    static String fileName(NotificationKind kind, Part part) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + part.suffix;
    }

    /** Where one file of a language lies under a templates directory: English at the top, others under their tag. */
    static String path(LanguageTag language, String fileName) {
        return language.equals(LanguageTag.ENGLISH) ? fileName : language.value() + "/" + fileName;
    }

    /** The languages mail is written in: the shipped ones and those a templates directory adds. */
    public Set<LanguageTag> languages() {
        return Set.copyOf(templates.keySet());
    }

    /** The language a notification of {@code kind} in {@code locale} is written in. */
    LanguageTag languageOf(NotificationKind kind, LanguageTag locale) {
        List<LanguageTag> having = new ArrayList<>();
        templates.forEach((language, kinds) -> {
            if (kinds.containsKey(kind)) {
                having.add(language);
            }
        });
        return locale.bestIn(having);
    }

    /** Every template file name, in kind order. */
    static List<String> fileNames() {
        List<String> names = new ArrayList<>();
        for (NotificationKind kind : NotificationKind.values()) {
            for (Part part : Part.values()) {
                names.add(fileName(kind, part));
            }
        }
        return names;
    }

    /** What a template of {@code kind} may name: the shop's two values, then the notification's. */
    static Set<String> placeholders(NotificationKind kind) {
        Set<String> names = new LinkedHashSet<>(List.of(SHOP_NAME, SHOP_URL));
        names.addAll(
                switch (kind) {
                    case VERIFICATION_CODE, PASSWORD_RESET_CODE, EMAIL_CHANGE_CODE ->
                        List.of(Notification.FIRST_NAME, Notification.CODE, Notification.EXPIRES_IN_MINUTES);
                    case EMAIL_CHANGE_REQUESTED ->
                        List.of(
                                Notification.FIRST_NAME,
                                Notification.NEW_EMAIL,
                                Notification.CODE,
                                Notification.EXPIRES_IN_DAYS);
                    case ACCOUNT_DELETED -> List.of(Notification.FIRST_NAME, Notification.DELETED_AT);
                    case PASSWORD_CHANGED -> List.of(Notification.FIRST_NAME, Notification.CHANGED_AT);
                });
        return names;
    }

    RenderedMail render(Notification notification) {
        LanguageTag language = languageOf(notification.kind(), notification.locale());
        Template template = templates.get(language).get(notification.kind());
        return new RenderedMail(
                language,
                fill(
                        template.subject(),
                        notification,
                        value -> LINE_BREAKS.matcher(value).replaceAll(" ")),
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

    private String fill(String template, Notification notification, UnaryOperator<String> escape) {
        // Sections first, on the template alone: a value inserted below is never read again.
        String kept = SECTION.matcher(template)
                .replaceAll(section -> value(section.group(1), notification).isEmpty()
                        ? ""
                        : Matcher.quoteReplacement(section.group(2)));
        Matcher placeholder = PLACEHOLDER.matcher(kept);
        StringBuilder out = new StringBuilder(kept.length() + 64);
        while (placeholder.find()) {
            String value = escape.apply(value(placeholder.group(1), notification));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    private String value(String name, Notification notification) {
        return switch (name) {
            case SHOP_NAME -> shopName;
            case SHOP_URL -> shopUrl;
            // Notification.value throws when the value is missing: the templates and the core disagree.
            default -> notification.value(name);
        };
    }

    private static Map<LanguageTag, Map<NotificationKind, Template>> loadAll(TemplateSettings settings) {
        List<String> problems = new ArrayList<>();
        Optional<Path> directory =
                settings.templatesDirectory().map(dir -> dir.toAbsolutePath().normalize());
        Map<LanguageTag, Path> own = new LinkedHashMap<>();
        directory.ifPresent(dir -> own.putAll(checkDirectory(dir, problems)));
        Set<LanguageTag> languages = new LinkedHashSet<>(SHIPPED_LANGUAGES);
        languages.addAll(own.keySet());
        Map<LanguageTag, Map<NotificationKind, Template>> loaded = new LinkedHashMap<>();
        List<String> replaced = new ArrayList<>();
        for (LanguageTag language : languages) {
            boolean shipped = SHIPPED_LANGUAGES.contains(language);
            Optional<Path> dir =
                    language.equals(LanguageTag.ENGLISH) ? directory : Optional.ofNullable(own.get(language));
            Map<NotificationKind, Template> kinds = new EnumMap<>(NotificationKind.class);
            for (NotificationKind kind : NotificationKind.values()) {
                Map<Part, String> parts = new EnumMap<>(Part.class);
                List<String> lacking = new ArrayList<>();
                for (Part part : Part.values()) {
                    String name = fileName(kind, part);
                    String relative = path(language, name);
                    Optional<Path> file = dir.map(d -> d.resolve(name)).filter(Files::isRegularFile);
                    if (file.isEmpty() && !shipped) {
                        lacking.add(name);
                        continue;
                    }
                    file.ifPresent(f -> replaced.add(relative));
                    String source = file.map(Path::toString).orElse("shipped " + SHIPPED + relative);
                    Optional<String> text =
                            file.isPresent() ? readFile(file.get(), source, problems) : readShipped(relative);
                    parts.put(
                            part,
                            text.map(t -> checked(t, kind, part, source, problems))
                                    .orElse(""));
                }
                if (parts.isEmpty()) {
                    continue; // a language not shipped without this kind: English writes it
                }
                if (!lacking.isEmpty()) {
                    problems.add("Mail templates " + dir.orElseThrow() + ": " + String.join(", ", lacking)
                            + " missing beside the other files of " + kind
                            + " (a language that is not shipped has all three files of a kind, or none)");
                    continue;
                }
                kinds.put(kind, new Template(parts.get(Part.SUBJECT), parts.get(Part.TEXT), parts.get(Part.HTML)));
            }
            if (!kinds.isEmpty()) {
                loaded.put(language, kinds);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        directory.ifPresent(dir -> LOG.info(
                "Mail templates from {}: {}; the other files are the shipped ones; mail is written in {}",
                dir,
                replaced.isEmpty() ? "none" : String.join(", ", replaced),
                loaded.keySet()));
        return loaded;
    }

    /**
     * Finds what the directory holds that this version does not read, and returns its language
     * directories by language.
     */
    private static Map<LanguageTag, Path> checkDirectory(Path dir, List<String> problems) {
        Map<LanguageTag, Path> languages = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            problems.add("Mail templates directory " + dir + " does not exist or is not a directory");
            return languages;
        }
        checkFiles(dir, problems);
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(Files::isDirectory)
                    .filter(sub -> !sub.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(sub -> {
                        String name = sub.getFileName().toString();
                        Optional<LanguageTag> language = languageNamed(name);
                        if (language.isEmpty()) {
                            problems.add("Mail templates directory " + sub + ": not a language this version reads"
                                    + " (name a language's directory by its BCP 47 tag, such as de or pt-BR;"
                                    + " the English templates sit at the top)");
                            return;
                        }
                        checkFiles(sub, problems);
                        languages.put(language.get(), sub);
                    });
        } catch (IOException e) {
            problems.add("Mail templates directory " + dir + " cannot be read: " + e);
        }
        return languages;
    }

    /** A language directory's name: a tag in its normal form, and not English, whose files sit at the top. */
    private static Optional<LanguageTag> languageNamed(String name) {
        try {
            LanguageTag tag = new LanguageTag(name);
            return tag.value().equals(name) && !tag.equals(LanguageTag.ENGLISH) ? Optional.of(tag) : Optional.empty();
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private static void checkFiles(Path dir, List<String> problems) {
        Set<String> known = new TreeSet<>(fileNames());
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && (name.endsWith(".txt") || name.endsWith(".html")))
                    .filter(name -> !known.contains(name))
                    .sorted()
                    .forEach(name -> problems.add("Mail template " + dir.resolve(name)
                            + ": not a template this version reads (the names are " + String.join(", ", known) + ")"));
        } catch (IOException e) {
            problems.add("Mail templates directory " + dir + " cannot be read: " + e);
        }
    }

    /** Returns the template, or adds the reason a bad one is refused and returns it still, empty. */
    private static String checked(
            String template, NotificationKind kind, Part part, String source, List<String> problems) {
        String body = template.startsWith("\uFEFF") ? template.substring(1) : template;
        if (part == Part.SUBJECT) {
            body = body.strip();
            if (body.isEmpty()) {
                problems.add("Mail template " + source + ": the subject is empty");
            } else if (body.contains("\n") || body.contains("\r")) {
                problems.add("Mail template " + source + ": a subject is one line");
            }
        }
        Set<String> allowed = placeholders(kind);
        List<String> unknown = new ArrayList<>();
        StringBuilder nested = new StringBuilder();
        String opened = SECTION.matcher(body).replaceAll(section -> {
            if (!allowed.contains(section.group(1))) {
                unknown.add("{{#" + section.group(1) + "}}");
            }
            if (section.group(2).contains("{{#") || section.group(2).contains("{{/")) {
                nested.append(section.group(1));
            }
            return Matcher.quoteReplacement(section.group(2));
        });
        Matcher placeholder = PLACEHOLDER.matcher(opened);
        while (placeholder.find()) {
            if (!allowed.contains(placeholder.group(1))) {
                unknown.add(placeholder.group());
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("Mail template " + source + ": unknown placeholder "
                    + String.join(", ", new LinkedHashSet<>(unknown)) + " (a " + kind + " template may use {{"
                    + String.join("}}, {{", allowed) + "}})");
        }
        if (nested.length() > 0) {
            problems.add("Mail template " + source + ": sections do not nest, as {{#" + nested + "}} does");
        }
        String rest = placeholder.reset().replaceAll("");
        int stray = rest.indexOf("{{");
        if (stray >= 0) {
            String near = rest.substring(stray, Math.min(rest.length(), stray + 24))
                    .replace("\n", "\\n")
                    .replace("\r", "\\r");
            problems.add("Mail template " + source
                    + ": malformed placeholder or unclosed section at '" + near
                    + "' (write {{name}}, lower case, no spaces; close {{#name}} with {{/name}})");
        }
        return body;
    }

    private static Optional<String> readFile(Path file, String source, List<String> problems) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add("Mail template " + source + ": larger than " + MAX_FILE_BYTES / 1024 + " KiB");
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            problems.add("Mail template " + source + ": not UTF-8");
        } catch (IOException e) {
            problems.add("Mail template " + source + " cannot be read: " + e);
        }
        return Optional.empty();
    }

    private static Optional<String> readShipped(String name) {
        try (InputStream in = MailTemplates.class.getResourceAsStream(SHIPPED + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing shipped mail template " + SHIPPED + name);
            }
            return Optional.of(new String(in.readAllBytes(), UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read shipped mail template " + SHIPPED + name, e);
        }
    }

    private record Template(String subject, String text, String html) {}
}

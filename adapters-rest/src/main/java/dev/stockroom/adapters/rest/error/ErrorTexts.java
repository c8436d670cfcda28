package dev.stockroom.adapters.rest.error;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.stockroom.core.shared.LanguageTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error texts of the API in every language it answers errors in. The core and the adapter
 * write their messages in English; {@code ErrorMessages.properties} names each such text by a key
 * ({@code {0}}, {@code {1}} standing for a value inside it, such as a length), and each
 * {@code ErrorMessages_<tag>.properties} gives the same keys in its language. A text without a
 * key has no translation.
 */
final class ErrorTexts {
    static final LanguageTag GERMAN = new LanguageTag("de");
    /** The languages errors are answered in, English first. */
    static final List<LanguageTag> LANGUAGES = List.of(LanguageTag.ENGLISH, GERMAN);

    private static final String BUNDLE = "ErrorMessages";
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)}");
    private static final ErrorTexts SHIPPED = load();

    private final Map<String, String> keyOfEnglish;
    private final List<Template> withArguments;
    private final Map<LanguageTag, Map<String, String>> byLanguage;

    private ErrorTexts(Map<String, String> english, Map<LanguageTag, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
        this.keyOfEnglish = new HashMap<>();
        this.withArguments = new ArrayList<>();
        english.forEach((key, text) -> {
            if (ARGUMENT.matcher(text).find()) {
                withArguments.add(new Template(
                        key,
                        pattern(text),
                        ARGUMENT.matcher(text).replaceAll("").length()));
            } else {
                keyOfEnglish.put(text, key);
            }
        });
        // The most literal text first: "Must be at most {0} characters." before "Must be at most {0}.".
        withArguments.sort(Comparator.comparingInt((Template t) -> -t.literalLength()));
    }

    static ErrorTexts shipped() {
        return SHIPPED;
    }

    /** The keys a language has, for the test that every English one is translated. */
    Set<String> keys(LanguageTag language) {
        return new TreeSet<>(byLanguage.getOrDefault(language, Map.of()).keySet());
    }

    /** {@code english} in {@code language}; empty when it has no key or no translation there. */
    Optional<String> translate(String english, LanguageTag language) {
        if (english == null) {
            return Optional.empty();
        }
        if (language.equals(LanguageTag.ENGLISH)) {
            return Optional.of(english);
        }
        Map<String, String> texts = byLanguage.get(language);
        if (texts == null) {
            return Optional.empty();
        }
        String key = keyOfEnglish.get(english);
        if (key != null) {
            return Optional.ofNullable(texts.get(key));
        }
        for (Template template : withArguments) {
            Matcher match = template.english().matcher(english);
            if (match.matches() && texts.containsKey(template.key())) {
                return Optional.of(fill(texts.get(template.key()), match));
            }
        }
        return Optional.empty();
    }

    /**
     * The body with its message and every field error in {@code language}, field names unchanged;
     * empty unless every text has a translation, so that one body never mixes two languages.
     */
    Optional<ErrorBody> translate(ErrorBody body, LanguageTag language) {
        Optional<String> message = translate(body.message(), language);
        if (message.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : body.errors().entrySet()) {
            List<String> texts = new ArrayList<>(field.getValue().size());
            for (String text : field.getValue()) {
                Optional<String> translated = translate(text, language);
                if (translated.isEmpty()) {
                    return Optional.empty();
                }
                texts.add(translated.get());
            }
            errors.put(field.getKey(), List.copyOf(texts));
        }
        return Optional.of(body.withTexts(message.get(), errors));
    }

    private static String fill(String translation, Matcher english) {
        Matcher argument = ARGUMENT.matcher(translation);
        StringBuilder out = new StringBuilder();
        while (argument.find()) {
            int index = Integer.parseInt(argument.group(1));
            String value = index < english.groupCount() ? english.group(index + 1) : argument.group();
            argument.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        argument.appendTail(out);
        return out.toString();
    }

    /** The English text as a pattern: literal, with each {@code {n}} matching a value. */
    private static Pattern pattern(String english) {
        Matcher argument = ARGUMENT.matcher(english);
        StringBuilder regex = new StringBuilder("\\A");
        int last = 0;
        while (argument.find()) {
            regex.append(Pattern.quote(english.substring(last, argument.start())))
                    .append("(.+?)");
            last = argument.end();
        }
        regex.append(Pattern.quote(english.substring(last))).append("\\z");
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static ErrorTexts load() {
        Map<String, String> english = read(BUNDLE + ".properties");
        Map<LanguageTag, Map<String, String>> byLanguage = new LinkedHashMap<>();
        for (LanguageTag language : LANGUAGES) {
            byLanguage.put(
                    language,
                    language.equals(LanguageTag.ENGLISH)
                            ? english
                            : read(BUNDLE + "_" + language.value().replace('-', '_') + ".properties"));
        }
        return new ErrorTexts(english, byLanguage);
    }

    private static Map<String, String> read(String name) {
        try (InputStream in = ErrorTexts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name + " beside " + ErrorTexts.class.getName());
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, UTF_8));
            Map<String, String> texts = new LinkedHashMap<>();
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
            return Map.copyOf(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private record Template(String key, Pattern english, int literalLength) {}
}

package dev.stockroom.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagTest {
    private static final LanguageTag GERMAN = new LanguageTag("de");
    private static final Set<LanguageTag> SHIPPED = Set.of(LanguageTag.ENGLISH, GERMAN);

    @Test
    void keeps_a_tag_in_its_normal_form() {
        assertThat(new LanguageTag(" DE-de ").value()).isEqualTo("de-DE");
        assertThat(new LanguageTag("pt-br").value()).isEqualTo("pt-BR");
        assertThat(new LanguageTag("zh-hant-tw").value()).isEqualTo("zh-Hant-TW");
        assertThat(new LanguageTag("sr-Latn").locale().getScript()).isEqualTo("Latn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en_US", "e", "123", "de-", "-de", "und", "x-private", "de DE", "deutsch-de-1"})
    void refuses_what_is_no_language_tag(String tag) {
        assertThatThrownBy(() -> new LanguageTag(tag))
                .isInstanceOf(InvalidValue.class)
                .hasMessage("Must be a language tag such as en or de-DE.");
    }

    @Test
    void refuses_an_empty_or_overlong_tag() {
        assertThatThrownBy(() -> new LanguageTag(" ")).hasMessage("This field is required.");
        assertThatThrownBy(() -> new LanguageTag(null)).hasMessage("This field is required.");
        assertThatThrownBy(() -> new LanguageTag("de-" + "abcdefgh-".repeat(4) + "x"))
                .hasMessage("Must be at most 35 characters.");
    }

    @Test
    void a_reader_gets_the_nearest_translated_language_else_english() {
        assertThat(new LanguageTag("de-AT").bestIn(SHIPPED)).isEqualTo(GERMAN);
        assertThat(new LanguageTag("de").bestIn(SHIPPED)).isEqualTo(GERMAN);
        assertThat(new LanguageTag("fr-CA").bestIn(SHIPPED)).isEqualTo(LanguageTag.ENGLISH);
        assertThat(new LanguageTag("en-GB").bestIn(SHIPPED)).isEqualTo(LanguageTag.ENGLISH);
    }

    @Test
    void looks_up_the_best_of_an_accept_language_header() {
        assertThat(LanguageTag.lookup(LanguageTag.preferences("de-DE,de;q=0.9"), SHIPPED))
                .contains(GERMAN);
        assertThat(LanguageTag.lookup(LanguageTag.preferences("fr-FR, de;q=0.5, en;q=0.7"), SHIPPED))
                .contains(LanguageTag.ENGLISH);
        assertThat(LanguageTag.lookup(LanguageTag.preferences("fr, *;q=0.1"), SHIPPED))
                .isEmpty();
        assertThat(LanguageTag.lookup(LanguageTag.preferences("de;q=0"), SHIPPED))
                .isEmpty();
    }

    @Test
    void a_missing_or_broken_header_states_no_preference() {
        assertThat(LanguageTag.preferences(null)).isEmpty();
        assertThat(LanguageTag.preferences("")).isEmpty();
        assertThat(LanguageTag.preferences("de;q=2,,;")).isEmpty();
        assertThat(LanguageTag.preferences("de-" + "a".repeat(2000))).isEmpty();
        assertThat(LanguageTag.lookup(List.of(), SHIPPED)).isEmpty();
    }
}

package dev.stockroom.core.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.shared.InvalidValue;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Name, description and quantity: the plain value objects of a product. */
class ProductFieldsTest {

    @Nested
    class Names {
        @Test
        void accepts_200_characters_and_trims() {
            String name = "n".repeat(ProductName.MAX_LENGTH);

            assertThat(new ProductName("  " + name + "\t").value()).isEqualTo(name);
        }

        @Test
        void counts_characters_not_utf16_units() {
            String emoji = "🍎".repeat(ProductName.MAX_LENGTH);

            assertThat(new ProductName(emoji).value()).isEqualTo(emoji);
        }

        @Test
        void refuses_201_characters() {
            assertThatThrownBy(() -> new ProductName("n".repeat(ProductName.MAX_LENGTH + 1)))
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage("Must be at most 200 characters.");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\n\t"})
        void requires_a_name(String name) {
            assertThatThrownBy(() -> new ProductName(name)).hasMessage("This field is required.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"tea\npot", "tea\u0000pot", "tea\u001bpot", "tea\u007fpot"})
        void refuses_control_characters(String name) {
            assertThatThrownBy(() -> new ProductName(name)).hasMessage("Must not contain control characters.");
        }

        @Test
        void accepts_one_character() {
            assertThat(new ProductName("x").value()).isEqualTo("x");
        }
    }

    @Nested
    class Descriptions {
        @Test
        void accepts_5000_characters() {
            String text = "d".repeat(Description.MAX_LENGTH);

            assertThat(new Description(text).value()).isEqualTo(text);
        }

        @Test
        void refuses_5001_characters() {
            assertThatThrownBy(() -> new Description("d".repeat(Description.MAX_LENGTH + 1)))
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage("Must be at most 5000 characters.");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "   ")
        void reads_nothing_as_empty(String text) {
            assertThat(new Description(text)).isEqualTo(Description.EMPTY);
            assertThat(new Description(text).isEmpty()).isTrue();
        }

        @Test
        void keeps_line_breaks_and_tabs_inside() {
            assertThat(new Description(" First line.\r\n\tSecond line. ").value())
                    .isEqualTo("First line.\r\n\tSecond line.");
        }

        @Test
        void refuses_other_control_characters() {
            assertThatThrownBy(() -> new Description("bell\u0007"))
                    .hasMessage("Must not contain control characters other than line breaks and tabs.");
        }
    }

    @Nested
    class Quantities {
        @ParameterizedTest
        @CsvSource({"0, 0", "1, 1", "' 42 ', 42", "2147483647, 2147483647", "007, 7"})
        void reads_whole_numbers(String text, int value) {
            assertThat(Quantity.parse(text).value()).isEqualTo(value);
        }

        @ParameterizedTest
        @CsvSource({
            "-1, Must not be negative.",
            "-99999999999999999999, Must not be negative.",
            "2147483648, Must be at most 2147483647.",
            "99999999999999999999, Must be at most 2147483647.",
            "1.5, Must be a whole number.",
            "1.0, Must be a whole number.",
            "abc, Must be a whole number.",
            "1e3, Must be a whole number.",
            "true, Must be a whole number.",
        })
        void refuses(String text, String message) {
            assertThatThrownBy(() -> Quantity.parse(text))
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage(message);
        }

        @ParameterizedTest
        @NullAndEmptySource
        void requires_a_value(String text) {
            assertThatThrownBy(() -> Quantity.parse(text)).hasMessage("This field is required.");
        }

        @Test
        void refuses_a_negative_int() {
            assertThatThrownBy(() -> new Quantity(-1)).hasMessage("Must not be negative.");
        }

        @Test
        void is_in_stock_above_zero() {
            assertThat(new Quantity(0).inStock()).isFalse();
            assertThat(new Quantity(1).inStock()).isTrue();
        }
    }
}

package dev.stockroom.core.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.shared.InvalidValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0.00",
        "0.00, 0.00",
        "0.01, 0.01",
        "12, 12.00",
        "12.5, 12.50",
        "12.50, 12.50",
        "' 7.1 ', 7.10",
        "9999999999.99, 9999999999.99",
        "1.500, 1.50",
        "007, 7.00",
    })
    void reads_plain_decimals_and_keeps_two_places(String text, String written) {
        assertThat(Price.parse(text).toString()).isEqualTo(written);
    }

    @Test
    void treats_equal_amounts_as_equal_prices_whatever_their_scale() {
        assertThat(Price.parse("12.5")).isEqualTo(Price.parse("12.50")).isEqualTo(new Price(new BigDecimal("12.500")));
        assertThat(Price.parse("12.5").compareTo(Price.parse("12.49"))).isPositive();
    }

    @ParameterizedTest
    @CsvSource({
        "-0.01, Must not be negative.",
        "-1, Must not be negative.",
        "10000000000, Must be less than 10000000000.",
        "10000000000.00, Must be less than 10000000000.",
        "1.005, Must have at most 2 decimal places.",
        "0.001, Must have at most 2 decimal places.",
        "abc, Enter a number such as 12.50.",
        "1e3, Enter a number such as 12.50.",
        "1E-2, Enter a number such as 12.50.",
        "'1,50', Enter a number such as 12.50.",
        "+1, Enter a number such as 12.50.",
        ".5, Enter a number such as 12.50.",
        "12., Enter a number such as 12.50.",
        "NaN, Enter a number such as 12.50.",
        "0x10, Enter a number such as 12.50.",
        "١٢, Enter a number such as 12.50.",
    })
    void refuses(String text, String message) {
        assertThatThrownBy(() -> Price.parse(text))
                .isInstanceOf(InvalidValue.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "  ")
    void requires_a_value(String text) {
        assertThatThrownBy(() -> Price.parse(text)).hasMessage("This field is required.");
    }

    @Test
    void checks_amounts_given_as_numbers_cheaply_even_with_huge_exponents() {
        assertThat(new Price(new BigDecimal("1E+3")).toString()).isEqualTo("1000.00");
        assertThatThrownBy(() -> new Price(new BigDecimal("1E+999999999")))
                .hasMessage("Must be less than 10000000000.");
        assertThatThrownBy(() -> new Price(new BigDecimal("1E-999999999")))
                .hasMessage("Must have at most 2 decimal places.");
    }
}

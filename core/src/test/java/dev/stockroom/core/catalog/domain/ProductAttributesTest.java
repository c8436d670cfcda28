package dev.stockroom.core.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.shared.InvalidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SKU, barcode, slug, status, category and tags: the value objects a shop's catalogue adds. */
class ProductAttributesTest {

    @Nested
    class Skus {
        @ParameterizedTest
        @ValueSource(strings = {"A", "LAMP-01", "lamp_01.b", "0123456789"})
        void accepts_letters_digits_dots_underscores_and_hyphens(String sku) {
            assertThat(new Sku(" " + sku + " ").value()).isEqualTo(sku);
        }

        @Test
        void accepts_64_characters_and_refuses_65() {
            assertThat(new Sku("x".repeat(64)).value()).hasSize(64);
            assertThatThrownBy(() -> new Sku("x".repeat(65))).isInstanceOf(InvalidValue.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"LAMP 01", "lamp/01", "é", "a;b", "a,b"})
        void refuses_other_characters(String sku) {
            assertThatThrownBy(() -> new Sku(sku))
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage("Must be 1 to 64 letters, digits, dots, underscores or hyphens.");
        }
    }

    @Nested
    class Barcodes {
        @ParameterizedTest
        @ValueSource(strings = {"96385074", "036000291452", "4006381333931", "10614141000415", "00000000"})
        void accepts_gtins_with_their_check_digit(String gtin) {
            assertThat(new Barcode(gtin).value()).isEqualTo(gtin);
        }

        @ParameterizedTest
        @ValueSource(strings = {"96385075", "036000291453", "4006381333932", "10614141000416"})
        void refuses_a_wrong_check_digit(String gtin) {
            assertThatThrownBy(() -> new Barcode(gtin))
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage("The check digit (the last digit) does not match the others.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234567", "123456789", "12345678901", "123456789012345", "40063813339X1"})
        void refuses_other_lengths_and_non_digits(String gtin) {
            assertThatThrownBy(() -> new Barcode(gtin))
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage("Must be a GTIN of 8, 12, 13 or 14 digits.");
        }
    }

    @Nested
    class Slugs {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "Desk Lamp|desk-lamp",
                    "  Crème Brûlée, 2 × 200 g  |creme-brulee-2-200-g",
                    "Straße & Æble|strasse-aeble",
                    "Ölkanne «Größe XL»|olkanne-grosse-xl",
                    "---|product",
                    "日本の茶碗|product",
                    "Ｆｕｌｌ width ①|full-width-1"
                })
        void are_made_from_the_name_in_lower_case_ascii_separated_by_hyphens(String name, String slug) {
            assertThat(Slug.from(new ProductName(name)).value()).isEqualTo(slug);
        }

        @Test
        void made_from_a_long_name_fit_100_characters_and_end_in_no_hyphen() {
            Slug slug = Slug.from(new ProductName("a".repeat(99) + " b" + "c".repeat(50)));

            assertThat(slug.value()).isEqualTo("a".repeat(99));
        }

        @Test
        void take_a_suffix_and_stay_within_100_characters() {
            assertThat(new Slug("lamp").withSuffix(2).value()).isEqualTo("lamp-2");
            Slug longest = new Slug("a".repeat(97) + "-bc");

            assertThat(longest.withSuffix(12).value()).isEqualTo("a".repeat(97) + "-12");
            assertThat(longest.withSuffix(12).value()).hasSize(100);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Lamp", "desk lamp", "lamp_1", "läмп", ""})
        void set_by_hand_are_only_lower_case_letters_digits_and_hyphens(String slug) {
            assertThatThrownBy(() -> new Slug(slug)).isInstanceOf(InvalidValue.class);
        }
    }

    @Nested
    class Statuses {
        @Test
        void are_draft_or_published_in_any_case() {
            assertThat(ProductStatus.parse("Draft")).isEqualTo(ProductStatus.DRAFT);
            assertThat(ProductStatus.parse(" published ")).isEqualTo(ProductStatus.PUBLISHED);
            assertThat(ProductStatus.DRAFT.apiName()).isEqualTo("draft");
            assertThatThrownBy(() -> ProductStatus.parse("hidden"))
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage("Must be draft or published.");
        }
    }

    @Nested
    class Categories {
        @Test
        void are_1_to_100_characters_after_trimming() {
            assertThat(new Category("  Lighting ").value()).isEqualTo("Lighting");
            assertThat(new Category("c".repeat(100)).value()).hasSize(100);
            assertThatThrownBy(() -> new Category("c".repeat(101))).isInstanceOf(InvalidValue.class);
            assertThatThrownBy(() -> new Category("   ")).isInstanceOf(InvalidValue.class);
        }
    }

    @Nested
    class TagLists {
        @Test
        void are_kept_in_lower_case_once_each_in_the_order_given() {
            Tags tags = new Tags(List.of(" Brass ", "desk", "BRASS", "Ölig"));

            assertThat(tags.values()).containsExactly("brass", "desk", "ölig");
            assertThat(tags.joined()).isEqualTo("brass;desk;ölig");
            assertThat(Tags.parseDelimited("brass; desk;;ölig")).isEqualTo(tags);
            assertThat(Tags.parseDelimited("")).isEqualTo(Tags.NONE);
        }

        @Test
        void are_at_most_20_of_at_most_50_characters() {
            List<String> twenty = new ArrayList<>(
                    IntStream.range(0, 20).mapToObj(i -> "t" + i).toList());
            assertThat(new Tags(twenty).values()).hasSize(20);
            twenty.add("t20");
            assertThatThrownBy(() -> new Tags(twenty))
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage("Give at most 20 tags.");
            assertThatThrownBy(() -> new Tags(List.of("t".repeat(51))))
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage("Each tag: must be at most 50 characters.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "a;b", "tab\there"})
        void refuse_empty_tags_separators_and_control_characters(String tag) {
            assertThatThrownBy(() -> new Tags(List.of(tag))).isInstanceOf(InvalidValue.class);
        }
    }

    @Nested
    class Visibility {
        private final UserId owner = UserId.random();
        private final Product draft = Product.created(
                new ProductId(1),
                new NewProduct(
                        owner,
                        new ProductDetails(
                                new ProductName("Draft"),
                                Price.ZERO,
                                Description.EMPTY,
                                new Quantity(1),
                                Optional.empty(),
                                new ProductAttributes(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        ProductStatus.DRAFT,
                                        Optional.empty(),
                                        Tags.NONE)),
                        java.time.Instant.EPOCH));

        @Test
        void a_draft_is_seen_by_its_owner_and_admins_only() {
            assertThat(draft.isVisibleTo(Viewer.ANONYMOUS)).isFalse();
            assertThat(draft.isVisibleTo(Viewer.user(UserId.random(), false))).isFalse();
            assertThat(draft.isVisibleTo(Viewer.user(owner, false))).isTrue();
            assertThat(draft.isVisibleTo(Viewer.user(UserId.random(), true))).isTrue();
        }

        @Test
        void a_published_product_is_seen_by_everyone() {
            Product published =
                    draft.withDetails(draft.details().withAttributes(ProductAttributes.DEFAULT), draft.updatedAt());

            assertThat(published.isVisibleTo(Viewer.ANONYMOUS)).isTrue();
        }
    }
}

package dev.stockroom.adapters.rest.error;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.core.account.domain.AccountFailure;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.ImageId;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.Slug;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the statuses the {@code Cases} visitors and {@code ClientError} gave, now written once
 * per kind; and each core subtype carries the kind named as it is.
 */
class FailureMappersTest {

    @Test
    void every_account_failure_keeps_its_status() {
        Map<String, Integer> statuses = statuses(AccountFailure.Kind.values(), AccountFailureMapper::status);

        assertThat(statuses)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("INVALID_INPUT", 400),
                        entry("USERNAME_TAKEN", 400),
                        entry("EMAIL_TAKEN", 400),
                        entry("INVALID_CREDENTIALS", 401),
                        entry("SESSION_ENDED", 401),
                        entry("WRONG_CODE", 400),
                        entry("CODE_EXPIRED", 400),
                        entry("TOO_MANY_ATTEMPTS", 400),
                        entry("THROTTLED", 429),
                        entry("NOT_VERIFIED", 403),
                        entry("ALREADY_VERIFIED", 400),
                        entry("WRONG_TOKEN_KIND", 403),
                        entry("WRONG_PASSWORD", 400),
                        entry("USER_NOT_FOUND", 404),
                        entry("NOT_ADMIN", 403),
                        entry("LAST_ADMIN", 400),
                        entry("SESSION_NOT_FOUND", 404),
                        entry("SECOND_FACTOR_REQUIRED", 401),
                        entry("SECOND_FACTOR_ON", 409),
                        entry("SECOND_FACTOR_OFF", 409)));
    }

    @Test
    void every_catalog_failure_keeps_its_status() {
        Map<String, Integer> statuses = statuses(CatalogFailure.Kind.values(), CatalogFailureMapper::status);

        assertThat(statuses)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("INVALID_INPUT", 400),
                        entry("PRODUCT_NOT_FOUND", 404),
                        entry("NOT_OWNER", 403),
                        entry("VERIFICATION_REQUIRED", 403),
                        entry("NOT_ALLOWED", 403),
                        entry("STALE_VERSION", 412),
                        entry("PHOTO_TOO_LARGE", 413),
                        entry("UNSUPPORTED_PHOTO", 400),
                        entry("SKU_TAKEN", 400),
                        entry("SLUG_TAKEN", 400),
                        entry("SLUG_NOT_FOUND", 404),
                        entry("IMAGE_NOT_FOUND", 404),
                        entry("TOO_MANY_IMAGES", 400),
                        entry("IMAGE_TOO_LARGE", 400),
                        entry("STOCK_OUT_OF_RANGE", 409)));
    }

    @Test
    void every_request_failure_has_the_status_its_client_error_had() {
        Map<String, Integer> statuses = statuses(RequestFailure.Kind.values(), RequestFailureMapper::status);

        assertThat(statuses)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        entry("INVALID_FIELDS", 400),
                        entry("MALFORMED_BODY", 400),
                        entry("UNKNOWN_ID", 404),
                        entry("IF_MATCH_MISMATCH", 412),
                        entry("BODY_TOO_LARGE", 413),
                        entry("WILDCARD_CONTENT_TYPE", 415)));
    }

    @Test
    void each_account_subtype_carries_the_kind_named_as_it_is_and_every_kind_has_one() {
        List<AccountFailure> all = List.of(
                new AccountFailure.InvalidInput(Map.of()),
                new AccountFailure.UsernameTaken(),
                new AccountFailure.EmailTaken(),
                new AccountFailure.InvalidCredentials(),
                new AccountFailure.SessionEnded(),
                new AccountFailure.WrongCode(),
                new AccountFailure.CodeExpired(),
                new AccountFailure.TooManyAttempts(),
                new AccountFailure.Throttled("wait", Duration.ofSeconds(1)),
                new AccountFailure.NotVerified(),
                new AccountFailure.AlreadyVerified(),
                new AccountFailure.WrongTokenKind(),
                new AccountFailure.WrongPassword(),
                new AccountFailure.UserNotFound("x"),
                new AccountFailure.NotAdmin(),
                new AccountFailure.LastAdmin(),
                new AccountFailure.SessionNotFound(),
                new AccountFailure.SecondFactorRequired(),
                new AccountFailure.SecondFactorOn(),
                new AccountFailure.SecondFactorOff("Two-factor sign-in is not on."));

        assertThat(all).allSatisfy(f -> assertThat(f.kind().name()).isEqualTo(constantName(f.getClass())));
        assertThat(all).extracting(AccountFailure::kind).containsExactlyInAnyOrder(AccountFailure.Kind.values());
        assertThat(AccountFailure.class.getPermittedSubclasses()).hasSameSizeAs(AccountFailure.Kind.values());
    }

    @Test
    void each_catalog_subtype_carries_the_kind_named_as_it_is_and_every_kind_has_one() {
        List<CatalogFailure> all = List.of(
                new CatalogFailure.InvalidInput(Map.of()),
                new CatalogFailure.ProductNotFound(new ProductId(1)),
                new CatalogFailure.NotOwner(),
                new CatalogFailure.VerificationRequired(),
                new CatalogFailure.NotAllowed(),
                new CatalogFailure.StaleVersion(),
                new CatalogFailure.PhotoTooLarge(1024),
                new CatalogFailure.UnsupportedPhoto(),
                new CatalogFailure.SkuTaken(),
                new CatalogFailure.SlugTaken(),
                new CatalogFailure.SlugNotFound(new Slug("x")),
                new CatalogFailure.ImageNotFound(new ImageId(1)),
                new CatalogFailure.TooManyImages(10),
                new CatalogFailure.ImageTooLarge(50_000, 50_000, 40_000_000, "image"),
                CatalogFailure.StockOutOfRange.belowZero(1, -2));

        assertThat(all).allSatisfy(f -> assertThat(f.kind().name()).isEqualTo(constantName(f.getClass())));
        assertThat(all).extracting(CatalogFailure::kind).containsExactlyInAnyOrder(CatalogFailure.Kind.values());
        assertThat(CatalogFailure.class.getPermittedSubclasses()).hasSameSizeAs(CatalogFailure.Kind.values());
    }

    @Test
    void a_throttled_wait_is_told_in_whole_seconds_rounded_up() {
        AccountFailure throttled = new AccountFailure.Throttled("Please wait.", Duration.ofMillis(1_500));
        Response response = new AccountFailureMapper().toResponse(throttled);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
    }

    private static <K extends Enum<K>> Map<String, Integer> statuses(K[] kinds, Function<K, Integer> status) {
        return Arrays.stream(kinds).collect(Collectors.toMap(Enum::name, status));
    }

    private static String constantName(Class<?> type) {
        return type.getSimpleName().replaceAll("(?<!^)(?=[A-Z])", "_").toUpperCase(Locale.ROOT);
    }
}

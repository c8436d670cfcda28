package dev.stockroom.core.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.stockroom.core.Stockroom;
import dev.stockroom.core.account.domain.AuthStatus;
import dev.stockroom.core.account.domain.Role;
import dev.stockroom.core.account.domain.SessionId;
import dev.stockroom.core.account.domain.SessionKind;
import dev.stockroom.core.account.domain.UserId;
import dev.stockroom.core.account.domain.Username;
import dev.stockroom.core.account.port.in.AuthenticatedUser;
import dev.stockroom.core.catalog.SampleImages;
import dev.stockroom.core.catalog.domain.CatalogFailure;
import dev.stockroom.core.catalog.domain.CatalogPolicy;
import dev.stockroom.core.catalog.domain.ImageId;
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductImage;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.PhotoUpload;
import dev.stockroom.core.catalog.port.in.ProductDraft;
import dev.stockroom.core.catalog.port.in.ProductImages;
import dev.stockroom.core.catalog.port.in.ProductPatch;
import dev.stockroom.core.testing.InMemoryAdapters;
import dev.stockroom.core.testing.MutableClock;
import dev.stockroom.core.testing.TestImages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductImageServiceTest {
    private final InMemoryAdapters adapters = new InMemoryAdapters();
    private final Stockroom stockroom = adapters.stockroom().build();
    private final Catalog catalog = stockroom.catalog();
    private final ProductImages images = stockroom.productImages();
    private final AuthenticatedUser alice = caller(Role.USER);
    private final AuthenticatedUser bob = caller(Role.USER);
    private final AuthenticatedUser admin = caller(Role.ADMIN);

    @Test
    void adds_images_in_order_and_the_photo_is_the_first_ones_original() {
        Product product = newProduct(alice);

        Product one = images.addImage(alice, product.id(), upload(), OptionalInt.empty());
        images.addImage(alice, product.id(), upload(), OptionalInt.empty());
        Product three = images.addImage(admin, product.id(), upload(), OptionalInt.empty());

        List<ProductImage> list = images.imagesOf(product.id());
        assertThat(list).extracting(ProductImage::position).containsExactly(0, 1, 2);
        assertThat(three.photo()).contains(Photo.stored(list.get(0).original()));
        assertThat(one.version()).isEqualTo(product.version() + 1);
        assertThat(three.version()).isEqualTo(product.version() + 3);
        assertThat(catalog.get(product.id())).isEqualTo(three);
        assertThat(adapters.photos().keys()).containsExactlyInAnyOrderElementsOf(files(list));
    }

    @Test
    void an_image_added_at_position_zero_becomes_the_photo() {
        Product product = newProduct(alice);
        images.addImage(alice, product.id(), upload(), OptionalInt.empty());

        Product changed = images.addImage(alice, product.id(), upload(), OptionalInt.of(0));

        List<ProductImage> list = images.imagesOf(product.id());
        assertThat(list.get(0).id().value()).isGreaterThan(list.get(1).id().value());
        assertThat(changed.photo()).contains(Photo.stored(list.get(0).original()));
    }

    @Test
    void refuses_the_eleventh_image_and_keeps_no_file_of_it() {
        Product product = newProduct(alice);
        for (int i = 0; i < 10; i++) {
            images.addImage(alice, product.id(), upload(), OptionalInt.empty());
        }
        Set<PhotoKey> before = adapters.photos().keys();

        assertThatThrownBy(() -> images.addImage(alice, product.id(), upload(), OptionalInt.empty()))
                .isInstanceOf(CatalogFailure.TooManyImages.class);

        assertThat(images.imagesOf(product.id())).hasSize(10);
        assertThat(adapters.photos().keys()).isEqualTo(before);
    }

    @Test
    void removing_an_image_deletes_its_files_and_the_next_becomes_the_photo() {
        Product product = newProduct(alice);
        images.addImage(alice, product.id(), upload(), OptionalInt.empty());
        images.addImage(alice, product.id(), upload(), OptionalInt.empty());
        List<ProductImage> list = images.imagesOf(product.id());

        Product changed = images.removeImage(alice, product.id(), list.get(0).id());

        assertThat(images.imagesOf(product.id())).containsExactly(list.get(1).at(0));
        assertThat(changed.photo()).contains(Photo.stored(list.get(1).original()));
        assertThat(adapters.photos().keys())
                .containsExactlyInAnyOrderElementsOf(list.get(1).files());

        Product empty = images.removeImage(alice, product.id(), list.get(1).id());
        assertThat(empty.photo()).isEmpty();
        assertThat(adapters.photos().keys()).isEmpty();
    }

    @Test
    void removing_an_image_the_product_does_not_have_is_not_found() {
        Product product = newProduct(alice);
        Product other = newProduct(alice);
        images.addImage(alice, other.id(), upload(), OptionalInt.empty());
        ImageId othersImage = images.imagesOf(other.id()).get(0).id();

        assertThatThrownBy(() -> images.removeImage(alice, product.id(), othersImage))
                .isInstanceOf(CatalogFailure.ImageNotFound.class);
        assertThat(images.imagesOf(other.id())).hasSize(1);
    }

    @Test
    void reorders_by_a_permutation_of_the_ids_only() {
        Product product = newProduct(alice);
        for (int i = 0; i < 3; i++) {
            images.addImage(alice, product.id(), upload(), OptionalInt.empty());
        }
        List<ImageId> ids =
                images.imagesOf(product.id()).stream().map(ProductImage::id).toList();
        List<ImageId> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);

        Product changed = images.reorderImages(alice, product.id(), reversed);

        List<ProductImage> list = images.imagesOf(product.id());
        assertThat(list).extracting(ProductImage::id).containsExactlyElementsOf(reversed);
        assertThat(changed.photo()).contains(Photo.stored(list.get(0).original()));
        for (List<ImageId> bad : List.of(
                ids.subList(0, 2),
                List.of(ids.get(0), ids.get(0), ids.get(1)),
                List.of(ids.get(0), ids.get(1), ids.get(2), new ImageId(999_999)),
                List.of(ids.get(0), ids.get(1), new ImageId(999_999)))) {
            CatalogFailure.InvalidInput failure = catchThrowableOfType(
                    CatalogFailure.InvalidInput.class, () -> images.reorderImages(alice, product.id(), bad));
            assertThat(failure.fieldErrors()).containsKey("order");
        }
        assertThat(images.imagesOf(product.id())).isEqualTo(list);
    }

    @Test
    void only_the_owner_or_an_admin_changes_images_and_a_refusal_stores_nothing() {
        Product product = newProduct(alice);

        assertThatThrownBy(() -> images.addImage(bob, product.id(), upload(), OptionalInt.empty()))
                .isInstanceOf(CatalogFailure.NotOwner.class);
        AuthenticatedUser unverified = new AuthenticatedUser(
                alice.userId(), SessionId.random(), SessionKind.LOGIN, alice.username(), AuthStatus.NEW, Role.USER);
        assertThatThrownBy(() -> images.addImage(unverified, product.id(), upload(), OptionalInt.empty()))
                .isInstanceOf(CatalogFailure.VerificationRequired.class);
        assertThat(adapters.photos().keys()).isEmpty();
    }

    @Test
    void a_pixel_bomb_is_refused_and_stores_nothing() {
        Product product = newProduct(alice);

        assertThatThrownBy(() -> images.addImage(
                        alice, product.id(), PhotoUpload.of(TestImages.pngBomb(50_000, 50_000)), OptionalInt.empty()))
                .isInstanceOf(CatalogFailure.ImageTooLarge.class);
        assertThatThrownBy(() ->
                        images.addImage(alice, product.id(), PhotoUpload.of(SampleImages.html()), OptionalInt.empty()))
                .isInstanceOf(CatalogFailure.UnsupportedPhoto.class);
        assertThat(adapters.photos().keys()).isEmpty();
        assertThat(catalog.get(product.id())).isEqualTo(product);
    }

    @Test
    void the_first_image_replaces_a_single_photo_and_deletes_its_file() {
        Product product = catalog.add(
                alice, ProductDraft.of("Jug", "2", null, "1", null), Optional.of(PhotoUpload.of(SampleImages.png())));
        PhotoKey single = product.photo().flatMap(Photo::storedKey).orElseThrow();

        Product changed = images.addImage(alice, product.id(), upload(), OptionalInt.empty());

        assertThat(changed.photo().flatMap(Photo::storedKey)).isNotEqualTo(Optional.of(single));
        assertThat(adapters.photos().keys()).doesNotContain(single).hasSize(3);
    }

    @Test
    void the_single_photo_upload_replaces_the_first_image_of_a_product_that_has_images() {
        Product product = newProduct(alice);
        images.addImage(alice, product.id(), upload(), OptionalInt.empty());
        images.addImage(alice, product.id(), upload(), OptionalInt.empty());
        List<ProductImage> before = images.imagesOf(product.id());

        Product changed = catalog.attachPhoto(alice, product.id(), upload(), OptionalLong.empty());

        List<ProductImage> after = images.imagesOf(product.id());
        assertThat(after).hasSize(2);
        assertThat(after.get(1)).isEqualTo(before.get(1));
        assertThat(after.get(0).id()).isNotEqualTo(before.get(0).id());
        assertThat(changed.photo()).contains(Photo.stored(after.get(0).original()));
        assertThat(adapters.photos().keys()).containsExactlyInAnyOrderElementsOf(files(after));
    }

    @Test
    void a_product_with_images_keeps_its_first_image_as_photo_through_put_and_patch() {
        Product product = newProduct(alice);
        Product withImage = images.addImage(alice, product.id(), upload(), OptionalInt.empty());

        CatalogFailure.InvalidInput failure = catchThrowableOfType(
                CatalogFailure.InvalidInput.class,
                () -> catalog.patch(
                        alice,
                        product.id(),
                        ProductPatch.builder().photoUrl(null).build(),
                        OptionalLong.empty()));
        assertThat(failure.fieldErrors()).containsKey("photo");

        Product renamed = catalog.patch(
                alice, product.id(), ProductPatch.builder().name("Renamed").build(), OptionalLong.empty());
        assertThat(renamed.photo()).isEqualTo(withImage.photo());
    }

    @Test
    void deleting_the_product_keeps_its_images_for_a_restore() {
        Product product = newProduct(alice);
        images.addImage(alice, product.id(), upload(), OptionalInt.empty());
        List<ProductImage> before = images.imagesOf(product.id());

        catalog.delete(alice, product.id());
        assertThat(adapters.photos().keys()).containsExactlyInAnyOrderElementsOf(files(before));
        Product restored = catalog.restore(alice, product.id());

        assertThat(images.imagesOf(product.id())).isEqualTo(before);
        assertThat(restored.photo()).contains(Photo.stored(before.get(0).original()));
    }

    @Test
    void removing_a_deleted_product_for_good_deletes_every_file_of_its_images() {
        MutableClock clock = new MutableClock(Instant.parse("2031-01-01T00:00:00Z"));
        Stockroom timed = adapters.stockroom().clock(clock).build();
        Product product = timed.catalog().add(alice, ProductDraft.of("Vase", "2", null, "1", null), Optional.empty());
        timed.productImages().addImage(alice, product.id(), upload(), OptionalInt.empty());
        timed.productImages().addImage(alice, product.id(), upload(), OptionalInt.empty());
        assertThat(adapters.photos().keys()).hasSize(6);

        timed.catalog().delete(alice, product.id());
        assertThat(timed.purgeDeletedProducts()).isZero();
        assertThat(adapters.photos().keys()).hasSize(6);
        clock.advance(CatalogPolicy.DEFAULT_DELETED_RETENTION.plusSeconds(1));

        assertThat(timed.purgeDeletedProducts()).isEqualTo(1);
        assertThat(adapters.photos().keys()).isEmpty();
        assertThat(adapters.productImages().imagesOf(product.id())).isEmpty();
    }

    private Product newProduct(AuthenticatedUser owner) {
        return catalog.add(owner, ProductDraft.of("Kettle", "12.5", null, "3", null), Optional.empty());
    }

    private static PhotoUpload upload() {
        return PhotoUpload.of(TestImages.jpegWithExif(400, 300, 1));
    }

    private static List<PhotoKey> files(List<ProductImage> list) {
        return list.stream().flatMap(i -> i.files().stream()).toList();
    }

    private static AuthenticatedUser caller(Role role) {
        UserId id = UserId.random();
        Username username = new Username("user-" + id.toString().substring(0, 8));
        return new AuthenticatedUser(id, SessionId.random(), SessionKind.LOGIN, username, AuthStatus.VERIFIED, role);
    }
}

package dev.stockroom.core.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

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
import dev.stockroom.core.catalog.domain.Photo;
import dev.stockroom.core.catalog.domain.PhotoKey;
import dev.stockroom.core.catalog.domain.PhotoType;
import dev.stockroom.core.catalog.domain.Price;
import dev.stockroom.core.catalog.domain.Product;
import dev.stockroom.core.catalog.domain.ProductDetails;
import dev.stockroom.core.catalog.domain.ProductId;
import dev.stockroom.core.catalog.domain.ProductPage;
import dev.stockroom.core.catalog.domain.ProductQuery;
import dev.stockroom.core.catalog.domain.Quantity;
import dev.stockroom.core.catalog.domain.StoredPhoto;
import dev.stockroom.core.catalog.port.in.Catalog;
import dev.stockroom.core.catalog.port.in.PhotoUpload;
import dev.stockroom.core.catalog.port.in.ProductDraft;
import dev.stockroom.core.catalog.port.in.ProductPatch;
import dev.stockroom.core.catalog.port.in.StockAdjustment;
import dev.stockroom.core.catalog.port.out.PhotoStore;
import dev.stockroom.core.catalog.port.out.ProductRepository;
import dev.stockroom.core.shared.Conflict;
import dev.stockroom.core.shared.StorageUnavailable;
import dev.stockroom.core.testing.InMemoryPhotoStore;
import dev.stockroom.core.testing.InMemoryProductRepository;
import dev.stockroom.core.testing.InMemoryTransactions;
import dev.stockroom.core.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogServiceTest {
    private static final Instant T0 = Instant.parse("2031-05-04T03:02:01Z");
    private static final OptionalLong ANY_VERSION = OptionalLong.empty();

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryProductRepository products = new InMemoryProductRepository(transactions);
    private final InMemoryPhotoStore photos = new InMemoryPhotoStore();
    private final Catalog catalog = catalogWith(products, photos);

    private final AuthenticatedUser alice = caller(AuthStatus.VERIFIED, Role.USER, SessionKind.LOGIN);
    private final AuthenticatedUser bob = caller(AuthStatus.VERIFIED, Role.USER, SessionKind.LOGIN);
    private final AuthenticatedUser admin = caller(AuthStatus.VERIFIED, Role.ADMIN, SessionKind.LOGIN);

    @Nested
    class Adding {
        @Test
        void adds_a_product_owned_by_the_caller() {
            Product added = catalog.add(alice, draft("Kettle", "12.5", "https://example.test/k.png"), Optional.empty());

            assertThat(added.owner()).isEqualTo(alice.userId());
            assertThat(added.name().value()).isEqualTo("Kettle");
            assertThat(added.price()).isEqualTo(Price.parse("12.50"));
            assertThat(added.photo()).contains(Photo.external("https://example.test/k.png"));
            assertThat(added.version()).isEqualTo(1);
            assertThat(added.createdAt()).isEqualTo(T0);
            assertThat(catalog.get(added.id())).isEqualTo(added);
        }

        @Test
        void stores_an_uploaded_photo_with_the_product() throws IOException {
            byte[] png = SampleImages.png();

            Product added = catalog.add(alice, draft("Kettle", "1", null), Optional.of(PhotoUpload.of(png)));

            PhotoKey key = added.photo().flatMap(Photo::storedKey).orElseThrow();
            assertThat(key.type()).isEqualTo(PhotoType.PNG);
            assertThat(read(catalog.openPhoto(key).orElseThrow())).isEqualTo(png);
            assertThat(photos.keys()).containsExactly(key);
        }

        @Test
        void refuses_a_photo_url_and_a_photo_file_together() {
            CatalogFailure.InvalidInput failure = catchThrowableOfType(
                    CatalogFailure.InvalidInput.class,
                    () -> catalog.add(
                            alice,
                            draft("Kettle", "1", "https://example.test/k.png"),
                            Optional.of(PhotoUpload.of(SampleImages.png()))));

            assertThat(failure.fieldErrors()).containsOnlyKeys("photo");
            assertThat(photos.keys()).isEmpty();
            assertThat(listAll()).isEmpty();
        }

        @Test
        void refuses_to_link_a_photo_stored_for_another_product() {
            Product other = catalog.add(bob, draft("Mug", "1", null), Optional.of(PhotoUpload.of(SampleImages.png())));
            ProductDraft stealing = draft("Kettle", "1", null).withPhoto(other.photo());

            assertThatThrownBy(() -> catalog.add(alice, stealing, Optional.empty()))
                    .isInstanceOf(CatalogFailure.InvalidInput.class);
            assertThat(listAll()).containsExactly(other);
        }

        @Test
        void deletes_the_uploaded_file_when_the_product_cannot_be_stored() {
            ProductRepository failing = mock(ProductRepository.class);
            doThrow(new StorageUnavailable("The database is down.", null))
                    .when(failing)
                    .add(any());
            Catalog broken = catalogWith(failing, photos);

            assertThatThrownBy(() -> broken.add(
                            alice, draft("Kettle", "1", null), Optional.of(PhotoUpload.of(SampleImages.png()))))
                    .isInstanceOf(StorageUnavailable.class);
            assertThat(photos.keys()).as("nothing orphaned").isEmpty();
        }

        @Test
        void adds_nothing_when_the_photo_cannot_be_stored() {
            PhotoStore failing = mock(PhotoStore.class);
            doThrow(new StorageUnavailable("The disk is full.", null))
                    .when(failing)
                    .store(any(), any());
            Catalog broken = catalogWith(products, failing);

            assertThatThrownBy(() -> broken.add(
                            alice, draft("Kettle", "1", null), Optional.of(PhotoUpload.of(SampleImages.png()))))
                    .isInstanceOf(StorageUnavailable.class);
            assertThat(listAll()).isEmpty();
        }
    }

    @Nested
    class Writers {
        static Stream<Arguments> writes() {
            return Stream.<Consumer<Fixture>>of(
                            f -> f.catalog().add(f.caller(), draft("Kettle", "1", null), Optional.empty()),
                            f -> f.catalog()
                                    .replace(f.caller(), f.product().id(), draft("Teapot", "2", null), ANY_VERSION),
                            f -> f.catalog()
                                    .patch(
                                            f.caller(),
                                            f.product().id(),
                                            ProductPatch.builder()
                                                    .name("Teapot")
                                                    .build(),
                                            ANY_VERSION),
                            f -> f.catalog().delete(f.caller(), f.product().id()),
                            f -> f.catalog()
                                    .attachPhoto(
                                            f.caller(),
                                            f.product().id(),
                                            PhotoUpload.of(SampleImages.png()),
                                            ANY_VERSION))
                    .map(write -> Arguments.of(write));
        }

        @ParameterizedTest
        @MethodSource("writes")
        void refuses_a_new_account(Consumer<Fixture> write) {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            AuthenticatedUser unverified = new AuthenticatedUser(
                    alice.userId(), SessionId.random(), SessionKind.LOGIN, alice.username(), AuthStatus.NEW, Role.USER);

            assertThatThrownBy(() -> write.accept(new Fixture(catalog, unverified, product)))
                    .isInstanceOf(CatalogFailure.VerificationRequired.class)
                    .hasMessage("Verify your email address before adding or changing products.");
            assertThat(listAll()).containsExactly(product);
            assertThat(photos.keys()).isEmpty();
        }

        @ParameterizedTest
        @MethodSource("writes")
        void refuses_a_password_reset_session(Consumer<Fixture> write) {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            AuthenticatedUser resetting = new AuthenticatedUser(
                    alice.userId(),
                    SessionId.random(),
                    SessionKind.PASSWORD_RESET,
                    alice.username(),
                    AuthStatus.VERIFIED,
                    Role.USER);

            assertThatThrownBy(() -> write.accept(new Fixture(catalog, resetting, product)))
                    .isInstanceOf(CatalogFailure.NotAllowed.class);
            assertThat(listAll()).containsExactly(product);
        }

        @Test
        void lets_anyone_read() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            assertThat(catalog.get(product.id())).isEqualTo(product);
            assertThat(catalog.list(ProductQuery.all().withOwner(alice.userId()))
                            .items())
                    .containsExactly(product);
        }
    }

    @Nested
    class Ownership {
        static Stream<Arguments> changes() {
            return Stream.<Consumer<Fixture>>of(
                            f -> f.catalog()
                                    .replace(f.caller(), f.product().id(), draft("Teapot", "2", null), ANY_VERSION),
                            f -> f.catalog()
                                    .patch(
                                            f.caller(),
                                            f.product().id(),
                                            ProductPatch.builder().quantity("0").build(),
                                            ANY_VERSION),
                            f -> f.catalog().delete(f.caller(), f.product().id()),
                            f -> f.catalog()
                                    .attachPhoto(
                                            f.caller(),
                                            f.product().id(),
                                            PhotoUpload.of(SampleImages.gif()),
                                            ANY_VERSION))
                    .map(change -> Arguments.of(change));
        }

        @ParameterizedTest
        @MethodSource("changes")
        void refuses_anyone_but_the_owner(Consumer<Fixture> change) {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            assertThatThrownBy(() -> change.accept(new Fixture(catalog, bob, product)))
                    .isInstanceOf(CatalogFailure.NotOwner.class)
                    .hasMessage("Only the product's owner or an admin can change it.");
            assertThat(catalog.get(product.id())).isEqualTo(product);
            assertThat(photos.keys()).as("no file written for a refused upload").isEmpty();
        }

        @ParameterizedTest
        @MethodSource("changes")
        void lets_the_owner_change(Consumer<Fixture> change) {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            change.accept(new Fixture(catalog, alice, product));

            assertThat(products.findById(product.id())).isNotEqualTo(Optional.of(product));
        }

        @ParameterizedTest
        @MethodSource("changes")
        void lets_an_admin_change_anyones_product(Consumer<Fixture> change) {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            change.accept(new Fixture(catalog, admin, product));

            assertThat(products.findById(product.id())).isNotEqualTo(Optional.of(product));
            products.findById(product.id()).ifPresent(p -> assertThat(p.owner()).isEqualTo(alice.userId()));
        }

        @Test
        void answers_not_found_for_an_unknown_product() {
            ProductId unknown = new ProductId(404);

            assertThatThrownBy(() -> catalog.get(unknown))
                    .isInstanceOf(CatalogFailure.ProductNotFound.class)
                    .hasMessage("No product with id 404.");
            assertThatThrownBy(() -> catalog.replace(alice, unknown, draft("x", "1", null), ANY_VERSION))
                    .isInstanceOf(CatalogFailure.ProductNotFound.class);
            assertThatThrownBy(() ->
                            catalog.patch(alice, unknown, ProductPatch.builder().build(), ANY_VERSION))
                    .isInstanceOf(CatalogFailure.ProductNotFound.class);
            assertThatThrownBy(() -> catalog.delete(alice, unknown)).isInstanceOf(CatalogFailure.ProductNotFound.class);
            assertThatThrownBy(
                            () -> catalog.attachPhoto(alice, unknown, PhotoUpload.of(SampleImages.png()), ANY_VERSION))
                    .isInstanceOf(CatalogFailure.ProductNotFound.class);
            assertThat(photos.keys()).isEmpty();
        }
    }

    @Nested
    class Versions {
        @Test
        void replaces_every_field_as_the_next_version() {
            Product product = catalog.add(alice, draft("Kettle", "1", "https://example.test/k.png"), Optional.empty());
            clock.advance(Duration.ofMinutes(5));

            Product replaced = catalog.replace(
                    alice, product.id(), draft("Teapot", "2.5", null), OptionalLong.of(product.version()));

            assertThat(replaced.name().value()).isEqualTo("Teapot");
            assertThat(replaced.price()).isEqualTo(Price.parse("2.50"));
            assertThat(replaced.photo()).isEmpty();
            assertThat(replaced.version()).isEqualTo(2);
            assertThat(replaced.createdAt()).isEqualTo(T0);
            assertThat(replaced.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(catalog.get(product.id())).isEqualTo(replaced);
        }

        @Test
        void patches_only_the_fields_given() {
            Product product = catalog.add(alice, draft("Kettle", "1", "https://example.test/k.png"), Optional.empty());

            Product patched = catalog.patch(
                    alice, product.id(), ProductPatch.builder().quantity("0").build(), OptionalLong.of(1));

            assertThat(patched.details())
                    .isEqualTo(new ProductDetails(
                            product.name(),
                            product.price(),
                            product.description(),
                            new Quantity(0),
                            product.photo(),
                            product.attributes()));
            assertThat(patched.version()).isEqualTo(2);
        }

        @Test
        void writes_nothing_when_nothing_changes() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            clock.advance(Duration.ofMinutes(1));

            Product same = catalog.replace(alice, product.id(), draft("Kettle", "1.00", ""), OptionalLong.of(1));
            Product patched =
                    catalog.patch(alice, product.id(), ProductPatch.builder().build(), OptionalLong.of(1));

            assertThat(same).isEqualTo(product);
            assertThat(patched).isEqualTo(product);
        }

        static Stream<Arguments> versionedChanges() {
            return Stream.<Consumer<Fixture>>of(
                            f -> f.catalog()
                                    .replace(
                                            f.caller(),
                                            f.product().id(),
                                            draft("Teapot", "2", null),
                                            OptionalLong.of(f.product().version())),
                            f -> f.catalog()
                                    .patch(
                                            f.caller(),
                                            f.product().id(),
                                            ProductPatch.builder()
                                                    .name("Teapot")
                                                    .build(),
                                            OptionalLong.of(f.product().version())),
                            f -> f.catalog()
                                    .attachPhoto(
                                            f.caller(),
                                            f.product().id(),
                                            PhotoUpload.of(SampleImages.webp()),
                                            OptionalLong.of(f.product().version())))
                    .map(change -> Arguments.of(change));
        }

        @ParameterizedTest
        @MethodSource("versionedChanges")
        void refuses_a_change_based_on_a_stale_version(Consumer<Fixture> change) {
            Product original = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            Product current = catalog.patch(
                    admin, original.id(), ProductPatch.builder().price("3").build(), ANY_VERSION);

            assertThatThrownBy(() -> change.accept(new Fixture(catalog, alice, original)))
                    .isInstanceOf(CatalogFailure.StaleVersion.class)
                    .hasMessage("The product was changed by someone else; reload it and try again.");
            assertThat(catalog.get(original.id())).isEqualTo(current);
            assertThat(photos.keys()).isEmpty();
        }

        @ParameterizedTest
        @MethodSource("versionedChanges")
        void refuses_a_change_that_loses_a_race_with_another_writer(Consumer<Fixture> change) {
            Product original = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            Product current = catalog.patch(
                    admin, original.id(), ProductPatch.builder().price("3").build(), ANY_VERSION);
            // The other writer commits between this one's read and its conditional write.
            ProductRepository racing = mock(ProductRepository.class, delegatesTo(products));
            doReturn(Optional.of(original)).when(racing).findById(original.id());
            doReturn(Optional.of(original)).when(racing).findByIdForUpdate(original.id());

            assertThatThrownBy(() -> change.accept(new Fixture(catalogWith(racing, photos), alice, original)))
                    .isInstanceOf(CatalogFailure.StaleVersion.class);
            assertThat(catalog.get(original.id())).isEqualTo(current);
            assertThat(photos.keys()).as("the upload of the loser is deleted").isEmpty();
        }

        @Test
        void a_change_with_no_expected_version_that_loses_a_race_is_made_again_on_the_winners_product() {
            Product original = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            Product winner = catalog.patch(
                    admin, original.id(), ProductPatch.builder().price("3").build(), ANY_VERSION);
            // The first read is from before the other writer committed; the second sees its product.
            ProductRepository racing = mock(ProductRepository.class, delegatesTo(products));
            doReturn(Optional.of(original))
                    .doAnswer(call -> products.findById(original.id()))
                    .when(racing)
                    .findByIdForUpdate(original.id());

            Product patched = catalogWith(racing, photos)
                    .patch(
                            alice,
                            original.id(),
                            ProductPatch.builder().name("Teapot").build(),
                            ANY_VERSION);

            assertThat(patched.details().name().value()).isEqualTo("Teapot");
            assertThat(patched.details().price()).isEqualTo(winner.details().price());
            assertThat(patched.version()).isEqualTo(winner.version() + 1);
            assertThat(catalog.get(original.id())).isEqualTo(patched);
        }

        @Test
        void a_delete_that_loses_a_race_is_made_again() {
            Product original = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            catalog.patch(
                    admin, original.id(), ProductPatch.builder().price("3").build(), ANY_VERSION);
            ProductRepository racing = mock(ProductRepository.class, delegatesTo(products));
            doReturn(Optional.of(original))
                    .doAnswer(call -> products.findById(original.id()))
                    .when(racing)
                    .findByIdForUpdate(original.id());

            catalogWith(racing, photos).delete(alice, original.id());

            assertThatThrownBy(() -> catalog.get(original.id())).isInstanceOf(CatalogFailure.ProductNotFound.class);
        }

        @Test
        void refuses_to_delete_a_product_changed_since_it_was_read() {
            Product original = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            Product current =
                    catalog.attachPhoto(admin, original.id(), PhotoUpload.of(SampleImages.png()), ANY_VERSION);
            ProductRepository racing = mock(ProductRepository.class, delegatesTo(products));
            doReturn(Optional.of(original)).when(racing).findById(original.id());
            doReturn(Optional.of(original)).when(racing).findByIdForUpdate(original.id());

            assertThatThrownBy(() -> catalogWith(racing, photos).delete(alice, original.id()))
                    .isInstanceOf(CatalogFailure.StaleVersion.class);
            assertThat(catalog.get(original.id())).isEqualTo(current);
            assertThat(photos.keys()).as("the newer photo is kept").hasSize(1);
        }

        @Test
        void answers_not_found_when_the_product_was_deleted_meanwhile() {
            Product original = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            ProductRepository racing = mock(ProductRepository.class, delegatesTo(products));
            doReturn(Optional.of(original)).when(racing).findByIdForUpdate(original.id());
            doReturn(Optional.empty()).when(racing).findById(original.id());
            catalog.delete(alice, original.id());

            assertThatThrownBy(() -> catalogWith(racing, photos)
                            .replace(alice, original.id(), draft("x", "1", null), ANY_VERSION))
                    .isInstanceOf(CatalogFailure.ProductNotFound.class);
        }
    }

    @Nested
    class Photos {
        // The file is written before the transaction and deleted after it, so a repeat of the
        // transaction after a conflict writes nothing twice.
        @Test
        void an_upload_whose_transaction_is_repeated_after_a_conflict_stores_its_file_once() {
            ProductRepository conflicting = mock(ProductRepository.class, delegatesTo(products));
            doThrow(new Conflict("lost to a concurrent transaction", null))
                    .doAnswer(delegatesTo(products))
                    .when(conflicting)
                    .add(any());
            PhotoStore counting = mock(PhotoStore.class, delegatesTo(photos));

            Product added = catalogWith(conflicting, counting)
                    .add(alice, draft("Kettle", "1", null), Optional.of(PhotoUpload.of(SampleImages.png())));

            verify(conflicting, times(2)).add(any());
            verify(counting, times(1)).store(any(), any());
            verify(counting, never()).delete(any());
            assertThat(photos.keys())
                    .containsExactly(added.photo().flatMap(Photo::storedKey).orElseThrow());
            assertThat(listAll()).containsExactly(added);
        }

        @Test
        void a_photo_change_whose_transaction_is_repeated_after_a_conflict_stores_and_deletes_once() {
            Product product =
                    catalog.add(alice, draft("Kettle", "1", null), Optional.of(PhotoUpload.of(SampleImages.png())));
            PhotoKey old = product.photo().flatMap(Photo::storedKey).orElseThrow();
            ProductRepository conflicting = mock(ProductRepository.class, delegatesTo(products));
            doThrow(new Conflict("lost to a concurrent transaction", null))
                    .doAnswer(delegatesTo(products))
                    .when(conflicting)
                    .update(any(), anyLong());
            PhotoStore counting = mock(PhotoStore.class, delegatesTo(photos));

            Product changed = catalogWith(conflicting, counting)
                    .attachPhoto(alice, product.id(), PhotoUpload.of(SampleImages.gif()), ANY_VERSION);

            verify(conflicting, times(2)).update(any(), anyLong());
            verify(counting, times(1)).store(any(), any());
            verify(counting, times(1)).delete(old);
            assertThat(photos.keys())
                    .containsExactly(changed.photo().flatMap(Photo::storedKey).orElseThrow());
            assertThat(changed.version()).isEqualTo(2);
        }

        static Stream<Arguments> images() {
            return Stream.of(
                    Arguments.of(SampleImages.png(), PhotoType.PNG),
                    Arguments.of(SampleImages.jpeg(), PhotoType.JPEG),
                    Arguments.of(SampleImages.gif(), PhotoType.GIF),
                    Arguments.of(SampleImages.webp(), PhotoType.WEBP));
        }

        @ParameterizedTest
        @MethodSource("images")
        void stores_each_supported_type_under_a_generated_name(byte[] image, PhotoType type) throws IOException {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            Product withPhoto = catalog.attachPhoto(alice, product.id(), PhotoUpload.of(image), OptionalLong.of(1));

            PhotoKey key = withPhoto.photo().flatMap(Photo::storedKey).orElseThrow();
            assertThat(key.type()).isEqualTo(type);
            assertThat(withPhoto.version()).isEqualTo(2);
            StoredPhoto stored = catalog.openPhoto(key).orElseThrow();
            assertThat(stored.type().mediaType()).isEqualTo(type.mediaType());
            assertThat(read(stored)).isEqualTo(image);
        }

        @Test
        void refuses_html_whatever_the_file_is_called() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            CatalogFailure.UnsupportedPhoto failure = catchThrowableOfType(
                    CatalogFailure.UnsupportedPhoto.class,
                    () -> catalog.attachPhoto(alice, product.id(), PhotoUpload.of(SampleImages.html()), ANY_VERSION));

            assertThat(failure.fieldErrors())
                    .isEqualTo(Map.of("photo", List.of("Upload a JPEG, PNG, GIF or WebP image.")));
            assertThat(photos.keys()).isEmpty();
            assertThat(catalog.get(product.id())).isEqualTo(product);
        }

        @Test
        void refuses_an_empty_upload() {
            assertThatThrownBy(() ->
                            catalog.add(alice, draft("Kettle", "1", null), Optional.of(PhotoUpload.of(new byte[0]))))
                    .isInstanceOf(CatalogFailure.UnsupportedPhoto.class);
        }

        @Test
        void accepts_5_mib_and_refuses_a_byte_more() {
            int limit = 5 * 1024 * 1024;
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            CatalogFailure.PhotoTooLarge failure = catchThrowableOfType(
                    CatalogFailure.PhotoTooLarge.class,
                    () -> catalog.attachPhoto(
                            alice, product.id(), PhotoUpload.of(SampleImages.png(limit + 1)), ANY_VERSION));
            Product withPhoto =
                    catalog.attachPhoto(alice, product.id(), PhotoUpload.of(SampleImages.png(limit)), ANY_VERSION);

            assertThat(failure.fieldErrors()).isEqualTo(Map.of("photo", List.of("Must be at most 5 MiB.")));
            assertThat(failure.maxBytes()).isEqualTo(limit);
            assertThat(withPhoto.photo().flatMap(Photo::storedKey)).isPresent();
            assertThat(photos.keys()).hasSize(1);
        }

        @Test
        void takes_its_limit_from_the_policy() {
            Catalog strict = new CatalogService(products, photos, transactions, clock, new CatalogPolicy(100));

            assertThatThrownBy(() -> strict.add(
                            alice, draft("Kettle", "1", null), Optional.of(PhotoUpload.of(SampleImages.png(101)))))
                    .isInstanceOfSatisfying(
                            CatalogFailure.PhotoTooLarge.class,
                            f -> assertThat(f.fieldErrors())
                                    .isEqualTo(Map.of("photo", List.of("Must be at most 100 bytes."))));
        }

        @Test
        void deletes_the_replaced_file_when_a_new_photo_is_attached() {
            Product product = withStoredPhoto();
            PhotoKey old = storedKey(product);

            Product replaced =
                    catalog.attachPhoto(alice, product.id(), PhotoUpload.of(SampleImages.jpeg()), ANY_VERSION);

            assertThat(photos.keys()).containsExactly(storedKey(replaced)).doesNotContain(old);
        }

        @Test
        void deletes_the_file_when_a_put_links_an_external_photo_instead() {
            Product product = withStoredPhoto();

            catalog.replace(alice, product.id(), draft("Kettle", "1", "https://example.test/k.png"), ANY_VERSION);

            assertThat(photos.keys()).isEmpty();
        }

        @Test
        void deletes_the_file_when_a_patch_removes_the_photo() {
            Product product = withStoredPhoto();

            Product patched = catalog.patch(
                    alice, product.id(), ProductPatch.builder().photoUrl(null).build(), ANY_VERSION);

            assertThat(patched.photo()).isEmpty();
            assertThat(photos.keys()).isEmpty();
        }

        @Test
        void keeps_the_file_when_a_patch_leaves_the_photo_alone() {
            Product product = withStoredPhoto();

            Product patched = catalog.patch(
                    alice, product.id(), ProductPatch.builder().name("Teapot").build(), ANY_VERSION);

            assertThat(patched.photo()).isEqualTo(product.photo());
            assertThat(photos.keys()).containsExactly(storedKey(product));
        }

        @Test
        void keeps_the_file_when_a_put_sends_the_stored_photo_back() {
            Product product = withStoredPhoto();

            ProductDraft sentBack = draft("Teapot", "1", null).withPhoto(product.photo());

            Product replaced = catalog.replace(alice, product.id(), sentBack, ANY_VERSION);

            assertThat(replaced.photo()).isEqualTo(product.photo());
            assertThat(photos.keys()).containsExactly(storedKey(product));
        }

        @Test
        void refuses_to_link_another_products_stored_photo() {
            Product mine = withStoredPhoto();
            Product theirs =
                    catalog.add(alice, draft("Mug", "1", null), Optional.of(PhotoUpload.of(SampleImages.gif())));

            ProductPatch linking = ProductPatch.builder().photo(theirs.photo()).build();

            assertThatThrownBy(() -> catalog.patch(alice, mine.id(), linking, ANY_VERSION))
                    .isInstanceOfSatisfying(
                            CatalogFailure.InvalidInput.class,
                            f -> assertThat(f.fieldErrors()).containsOnlyKeys("photo"));
            assertThat(catalog.get(mine.id())).isEqualTo(mine);
            assertThat(photos.keys()).containsExactlyInAnyOrder(storedKey(mine), storedKey(theirs));
        }

        @Test
        void keeps_the_file_of_a_soft_deleted_product_and_removes_it_with_the_product_after_the_retention() {
            Product product = withStoredPhoto();

            catalog.delete(alice, product.id());

            assertThat(photos.keys()).containsExactly(storedKey(product));
            assertThatThrownBy(() -> catalog.get(product.id())).isInstanceOf(CatalogFailure.ProductNotFound.class);
            clock.advance(CatalogPolicy.DEFAULT_DELETED_RETENTION.plusSeconds(1));
            assertThat(((CatalogService) catalog).purgeDeleted()).isEqualTo(1);
            assertThat(photos.keys()).isEmpty();
            assertThat(products.findDeleted(product.id())).isEmpty();
        }

        @Test
        void keeps_the_old_file_and_deletes_the_new_one_when_the_update_fails() {
            Product product = withStoredPhoto();
            ProductRepository failing = mock(ProductRepository.class, delegatesTo(products));
            doThrow(new StorageUnavailable("The database is down.", null))
                    .when(failing)
                    .update(any(), anyLong());

            assertThatThrownBy(() -> catalogWith(failing, photos)
                            .attachPhoto(alice, product.id(), PhotoUpload.of(SampleImages.jpeg()), ANY_VERSION))
                    .isInstanceOf(StorageUnavailable.class);
            assertThat(photos.keys()).containsExactly(storedKey(product));
            assertThat(catalog.get(product.id())).isEqualTo(product);
        }

        @Test
        void keeps_the_file_when_removing_the_product_fails() {
            Product product = withStoredPhoto();
            catalog.delete(alice, product.id());
            clock.advance(CatalogPolicy.DEFAULT_DELETED_RETENTION.plusSeconds(1));
            ProductRepository failing = mock(ProductRepository.class, delegatesTo(products));
            doThrow(new StorageUnavailable("The database is down.", null))
                    .when(failing)
                    .delete(any(), anyLong());

            assertThatThrownBy(() -> ((CatalogService) catalogWith(failing, photos)).purgeDeleted())
                    .isInstanceOf(StorageUnavailable.class);
            assertThat(photos.keys()).containsExactly(storedKey(product));
        }

        @Test
        void stands_by_a_committed_change_when_the_old_file_cannot_be_deleted() {
            Product product = withStoredPhoto();
            PhotoStore stubborn = mock(PhotoStore.class, delegatesTo(photos));
            doThrow(new StorageUnavailable("The disk is read-only.", null))
                    .when(stubborn)
                    .delete(any());

            catalogWith(products, stubborn).delete(alice, product.id());
            clock.advance(CatalogPolicy.DEFAULT_DELETED_RETENTION.plusSeconds(1));
            int removed = ((CatalogService) catalogWith(products, stubborn)).purgeDeleted();

            assertThat(removed).isEqualTo(1);
            assertThat(products.findById(product.id())).isEmpty();
            assertThat(products.findDeleted(product.id())).isEmpty();
        }

        @Test
        void opens_nothing_for_an_unknown_key() {
            assertThat(catalog.openPhoto(new PhotoKey("0123456789abcdef0123456789abcdef.png")))
                    .isEmpty();
        }

        private Product withStoredPhoto() {
            Product product =
                    catalog.add(alice, draft("Kettle", "1", null), Optional.of(PhotoUpload.of(SampleImages.png())));
            assertThat(photos.keys()).containsExactly(storedKey(product));
            return product;
        }
    }

    @Nested
    class Stock {
        @Test
        void adjusts_the_quantity_up_and_down() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            clock.advance(Duration.ofMinutes(1));

            Product sold = catalog.adjustStock(alice, product.id(), StockAdjustment.parse("-2", "sold"));
            Product delivered = catalog.adjustStock(admin, product.id(), StockAdjustment.by(10));

            assertThat(sold.quantity().value()).isEqualTo(1);
            assertThat(sold.version()).isEqualTo(product.version() + 1);
            assertThat(sold.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
            assertThat(delivered.quantity().value()).isEqualTo(11);
            assertThat(catalog.get(product.id())).isEqualTo(delivered);
        }

        @Test
        void refuses_to_go_below_zero_naming_the_quantity() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            assertThatThrownBy(() -> catalog.adjustStock(alice, product.id(), StockAdjustment.by(-4)))
                    .isInstanceOfSatisfying(
                            CatalogFailure.StockOutOfRange.class,
                            f -> assertThat(f.fieldErrors().get("quantity"))
                                    .containsExactly("Only 3 in stock; cannot take away 4."));
            assertThat(catalog.get(product.id())).isEqualTo(product);
        }

        @Test
        void refuses_to_go_above_the_largest_quantity() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            assertThatThrownBy(() -> catalog.adjustStock(alice, product.id(), StockAdjustment.by(Integer.MAX_VALUE)))
                    .isInstanceOfSatisfying(
                            CatalogFailure.StockOutOfRange.class,
                            f -> assertThat(f.fieldErrors()).containsOnlyKeys("quantity"));
        }

        @Test
        void tries_again_when_the_stock_changed_between_the_write_and_the_explanation() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            ProductRepository racing = mock(ProductRepository.class, delegatesTo(products));
            doReturn(Optional.empty())
                    .doAnswer(
                            call -> products.adjustStock(call.getArgument(0), call.getArgument(1), call.getArgument(2)))
                    .when(racing)
                    .adjustStock(any(), anyInt(), any());

            Product adjusted = catalogWith(racing, photos).adjustStock(alice, product.id(), StockAdjustment.by(-1));

            assertThat(adjusted.quantity().value()).isEqualTo(2);
        }

        @Test
        void lets_only_the_owner_or_an_admin_adjust() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            assertThatThrownBy(() -> catalog.adjustStock(bob, product.id(), StockAdjustment.by(1)))
                    .isInstanceOf(CatalogFailure.NotOwner.class);
            assertThatThrownBy(() -> catalog.adjustStock(
                            caller(AuthStatus.NEW, Role.USER, SessionKind.LOGIN), product.id(), StockAdjustment.by(1)))
                    .isInstanceOf(CatalogFailure.VerificationRequired.class);
            assertThat(catalog.get(product.id())).isEqualTo(product);
        }

        @Test
        void adjusts_no_deleted_product() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            catalog.delete(alice, product.id());

            assertThatThrownBy(() -> catalog.adjustStock(alice, product.id(), StockAdjustment.by(1)))
                    .isInstanceOf(CatalogFailure.ProductNotFound.class);
        }

        @Test
        void reads_the_delta_and_reason_naming_each_bad_field() {
            assertThat(StockAdjustment.parse(" +5 ", "  delivery  "))
                    .isEqualTo(new StockAdjustment(5, Optional.of("delivery")));
            assertThat(StockAdjustment.parse("-1", " ")).isEqualTo(StockAdjustment.by(-1));
            assertThatThrownBy(() -> StockAdjustment.parse(null, "x".repeat(StockAdjustment.MAX_REASON_LENGTH + 1)))
                    .isInstanceOfSatisfying(
                            CatalogFailure.InvalidInput.class,
                            f -> assertThat(f.fieldErrors())
                                    .containsEntry("delta", List.of("This field is required."))
                                    .containsEntry("reason", List.of("Must be at most 200 characters.")));
            assertThatThrownBy(() -> StockAdjustment.parse("0", null))
                    .isInstanceOfSatisfying(
                            CatalogFailure.InvalidInput.class,
                            f -> assertThat(f.fieldErrors()).containsEntry("delta", List.of("Must not be 0.")));
            assertThatThrownBy(() -> StockAdjustment.parse("1.5", null))
                    .isInstanceOfSatisfying(
                            CatalogFailure.InvalidInput.class,
                            f -> assertThat(f.fieldErrors())
                                    .containsEntry("delta", List.of("Must be a whole number.")));
            assertThatThrownBy(() -> StockAdjustment.parse("-2147483648", null))
                    .isInstanceOfSatisfying(
                            CatalogFailure.InvalidInput.class,
                            f -> assertThat(f.fieldErrors()).containsOnlyKeys("delta"));
        }
    }

    @Nested
    class SoftDeletion {
        @Test
        void a_deleted_product_is_gone_for_reads_writes_and_a_second_delete() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());

            catalog.delete(alice, product.id());

            assertThatThrownBy(() -> catalog.get(product.id())).isInstanceOf(CatalogFailure.ProductNotFound.class);
            assertThatThrownBy(() -> catalog.delete(admin, product.id()))
                    .isInstanceOf(CatalogFailure.ProductNotFound.class);
            assertThatThrownBy(() -> catalog.patch(
                            alice,
                            product.id(),
                            ProductPatch.builder().price("2").build(),
                            ANY_VERSION))
                    .isInstanceOf(CatalogFailure.ProductNotFound.class);
            assertThatThrownBy(() ->
                            catalog.attachPhoto(alice, product.id(), PhotoUpload.of(SampleImages.png()), ANY_VERSION))
                    .isInstanceOf(CatalogFailure.ProductNotFound.class);
            assertThat(photos.keys()).isEmpty();
            assertThat(catalog.list(ProductQuery.all().withOwner(alice.userId()))
                            .total())
                    .isZero();
        }

        @Test
        void lists_deleted_products_to_their_owner_and_to_admins_only() {
            Product mine = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            Product bobs = catalog.add(bob, draft("Mug", "1", null), Optional.empty());
            catalog.delete(alice, mine.id());
            catalog.delete(bob, bobs.id());

            ProductQuery everything = ProductQuery.all().withPage(1, ProductQuery.MAX_PAGE_SIZE);
            assertThat(catalog.listDeleted(alice, everything).items())
                    .extracting(Product::id)
                    .containsExactly(mine.id());
            assertThat(catalog.listDeleted(alice, everything.withOwner(bob.userId()))
                            .items())
                    .extracting(Product::id)
                    .containsExactly(mine.id());
            assertThat(catalog.listDeleted(admin, everything).items())
                    .extracting(Product::id)
                    .containsExactlyInAnyOrder(mine.id(), bobs.id());
        }

        @Test
        void restores_within_the_retention_as_the_owner_or_an_admin() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            catalog.delete(alice, product.id());
            clock.advance(CatalogPolicy.DEFAULT_DELETED_RETENTION.minusSeconds(1));

            assertThatThrownBy(() -> catalog.restore(bob, product.id())).isInstanceOf(CatalogFailure.NotOwner.class);
            Product restored = catalog.restore(admin, product.id());

            assertThat(restored.isDeleted()).isFalse();
            assertThat(restored.version()).isEqualTo(product.version() + 2);
            assertThat(restored.details()).isEqualTo(product.details());
            assertThat(catalog.get(product.id())).isEqualTo(restored);
            assertThat(catalog.restore(alice, product.id())).as("a repeat").isEqualTo(restored);
        }

        @Test
        void restores_nothing_after_the_retention_and_housekeeping_removes_it() {
            Product product = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            Product kept = catalog.add(alice, draft("Kept", "1", null), Optional.empty());
            catalog.delete(alice, product.id());
            clock.advance(CatalogPolicy.DEFAULT_DELETED_RETENTION);

            assertThatThrownBy(() -> catalog.restore(alice, product.id()))
                    .isInstanceOf(CatalogFailure.ProductNotFound.class);
            assertThat(((CatalogService) catalog).purgeDeleted()).isEqualTo(1);
            assertThat(products.findDeleted(product.id())).isEmpty();
            assertThat(catalog.get(kept.id())).isEqualTo(kept);
            assertThat(((CatalogService) catalog).purgeDeleted()).isZero();
        }

        @Test
        void purges_with_a_retention_of_its_own() {
            Catalog brief = new CatalogService(
                    products,
                    photos,
                    transactions,
                    clock,
                    CatalogPolicy.defaults().withDeletedRetention(Duration.ofHours(1)));
            Product product = brief.add(alice, draft("Kettle", "1", null), Optional.empty());
            brief.delete(alice, product.id());
            clock.advance(Duration.ofMinutes(59));
            assertThat(((CatalogService) brief).purgeDeleted()).isZero();

            clock.advance(Duration.ofMinutes(1));

            assertThat(((CatalogService) brief).purgeDeleted()).isEqualTo(1);
        }

        @Test
        void deletes_every_live_product_of_one_owner() {
            Product first = catalog.add(alice, draft("Kettle", "1", null), Optional.empty());
            Product second = catalog.add(alice, draft("Mug", "1", null), Optional.empty());
            Product bobs = catalog.add(bob, draft("Plate", "1", null), Optional.empty());

            int deleted = ((CatalogService) catalog).deleteAllOf(alice.userId());

            assertThat(deleted).isEqualTo(2);
            assertThat(catalog.listDeleted(alice, ProductQuery.all()).items())
                    .extracting(Product::id)
                    .containsExactlyInAnyOrder(first.id(), second.id());
            assertThat(catalog.get(bobs.id())).isEqualTo(bobs);
            assertThat(catalog.restore(alice, first.id()).isDeleted()).isFalse();
        }
    }

    @Test
    void lists_what_the_repository_finds() {
        Product cheap = catalog.add(alice, draft("Cheap kettle", "1", null), Optional.empty());
        catalog.add(alice, draft("Dear kettle", "100", null), Optional.empty());

        ProductPage page = catalog.list(
                ProductQuery.parse("kettle", null, "10", null, null, null, null).withOwner(alice.userId()));

        assertThat(page.items()).containsExactly(cheap);
        assertThat(page.total()).isEqualTo(1);
    }

    /** What a parameterised write needs: the service, who calls, and the product it concerns. */
    record Fixture(Catalog catalog, AuthenticatedUser caller, Product product) {}

    private Catalog catalogWith(ProductRepository productRepository, PhotoStore photoStore) {
        return new CatalogService(productRepository, photoStore, transactions, clock, CatalogPolicy.defaults());
    }

    private List<Product> listAll() {
        return products.search(ProductQuery.all().withPage(1, ProductQuery.MAX_PAGE_SIZE))
                .items();
    }

    private static ProductDraft draft(String name, String price, String photoUrl) {
        return ProductDraft.of(name, price, null, "3", photoUrl);
    }

    private static PhotoKey storedKey(Product product) {
        return product.photo().flatMap(Photo::storedKey).orElseThrow();
    }

    private static AuthenticatedUser caller(AuthStatus status, Role role, SessionKind kind) {
        UserId id = UserId.random();
        Username username = new Username("user-" + id.toString().substring(0, 8));
        return new AuthenticatedUser(id, SessionId.random(), kind, username, status, role);
    }

    private static byte[] read(StoredPhoto photo) throws IOException {
        try (InputStream in = photo.content().get()) {
            return in.readAllBytes();
        }
    }
}

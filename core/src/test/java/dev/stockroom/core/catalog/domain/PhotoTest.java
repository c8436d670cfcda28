package dev.stockroom.core.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.core.catalog.SampleImages;
import dev.stockroom.core.shared.InvalidValue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhotoTest {

    @Nested
    class ExternalUrls {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "http://example.test/a.png",
                    "https://cdn.example.test/photos/a.jpg?w=800#top",
                    "HTTPS://EXAMPLE.TEST/A.PNG",
                    "https://localhost:8443/x",
                    "http://192.0.2.1/p.gif",
                })
        void accepts_http_and_https(String url) {
            Photo photo = Photo.external(url);

            assertThat(photo).isEqualTo(new Photo.External(url));
            assertThat(photo.storedKey()).isEmpty();
            assertThat(photo.toString()).isEqualTo(url);
        }

        @Test
        void trims() {
            assertThat(Photo.external("  https://example.test/a.png\n").toString())
                    .isEqualTo("https://example.test/a.png");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ftp://example.test/a.png",
                    "javascript:alert(1)",
                    "data:image/png;base64,iVBORw0KGgo=",
                    "file:///etc/passwd",
                    "/media/0123456789abcdef0123456789abcdef.png",
                    "example.test/a.png",
                    "http:///a.png",
                    "https://exa mple.test/a.png",
                    "https://example.test/a b.png",
                    "http://[not-an-ip]/",
                })
        void refuses_anything_but_an_absolute_http_url_with_a_host(String url) {
            assertThatThrownBy(() -> Photo.external(url))
                    .isInstanceOf(InvalidValue.class)
                    .hasMessage("Enter an http or https URL.");
        }

        @Test
        void refuses_credentials_in_the_url() {
            assertThatThrownBy(() -> Photo.external("https://user:secret@example.test/a.png"))
                    .hasMessage("Must not contain a user name or password.");
        }

        @Test
        void accepts_2048_characters_and_refuses_2049() {
            String prefix = "https://example.test/";
            String longest = prefix + "a".repeat(Photo.External.MAX_LENGTH - prefix.length());

            assertThat(Photo.external(longest).toString()).hasSize(2048);
            assertThatThrownBy(() -> Photo.external(longest + "a")).hasMessage("Must be at most 2048 characters.");
        }
    }

    @Nested
    class Keys {
        @ParameterizedTest
        @EnumSource(PhotoType.class)
        void generates_32_hex_digits_and_the_extension(PhotoType type) {
            PhotoKey key = PhotoKey.random(new SecureRandom(), type);

            assertThat(key.value()).matches("[0-9a-f]{32}\\." + type.extension());
            assertThat(key.type()).isEqualTo(type);
            assertThat(Photo.stored(key).storedKey()).contains(key);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "../../etc/passwd",
                    "0123456789abcdef0123456789abcdef.png/../x",
                    "0123456789abcdef0123456789abcdef.PNG",
                    "0123456789ABCDEF0123456789ABCDEF.png",
                    "0123456789abcdef0123456789abcde.png",
                    "0123456789abcdef0123456789abcdef0.png",
                    "0123456789abcdef0123456789abcdef.html",
                    "0123456789abcdef0123456789abcdef",
                    "0123456789abcdef0123456789abcdef.png\n",
                    "..\\0123456789abcdef0123456789abcdef.png",
                    "",
                })
        void refuses_anything_but_the_generated_format(String text) {
            assertThatThrownBy(() -> new PhotoKey(text)).isInstanceOf(InvalidValue.class);
        }

        @Test
        void refuses_null() {
            assertThatThrownBy(() -> new PhotoKey(null)).isInstanceOf(InvalidValue.class);
        }
    }

    @Nested
    class Types {
        @Test
        void recognises_each_format_by_its_magic_bytes() {
            assertThat(PhotoType.detect(SampleImages.png())).contains(PhotoType.PNG);
            assertThat(PhotoType.detect(SampleImages.jpeg())).contains(PhotoType.JPEG);
            assertThat(PhotoType.detect(SampleImages.gif())).contains(PhotoType.GIF);
            assertThat(PhotoType.detect(SampleImages.webp())).contains(PhotoType.WEBP);
            assertThat(PhotoType.detect("GIF87a".getBytes(StandardCharsets.US_ASCII)))
                    .contains(PhotoType.GIF);
        }

        @ParameterizedTest
        @CsvSource({"JPEG, image/jpeg, jpg", "PNG, image/png, png", "GIF, image/gif, gif", "WEBP, image/webp, webp"})
        void names_media_type_and_extension(PhotoType type, String mediaType, String extension) {
            assertThat(type.mediaType()).isEqualTo(mediaType);
            assertThat(type.extension()).isEqualTo(extension);
            assertThat(PhotoType.ofExtension(extension)).contains(type);
        }

        @Test
        void recognises_nothing_else() {
            assertThat(PhotoType.detect(SampleImages.html())).isEmpty();
            assertThat(PhotoType.detect(new byte[0])).isEmpty();
            assertThat(PhotoType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
            assertThat(PhotoType.detect("GIF88a".getBytes(StandardCharsets.US_ASCII)))
                    .isEmpty();
            assertThat(PhotoType.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)))
                    .isEmpty();
            assertThat(PhotoType.detect("RIFF\0\0\0\0WEB".getBytes(StandardCharsets.US_ASCII)))
                    .isEmpty();
            assertThat(PhotoType.detect("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                    .isEmpty();
            assertThat(PhotoType.ofExtension("html")).isEqualTo(Optional.empty());
        }
    }
}

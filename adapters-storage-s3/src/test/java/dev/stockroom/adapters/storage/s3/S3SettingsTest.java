package dev.stockroom.adapters.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3SettingsTest {

    private static S3Settings with(String endpoint, String region, String bucket, String prefix) {
        return S3Settings.of(
                Optional.ofNullable(endpoint).map(URI::create), region, bucket, prefix, true, Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(
            value = {"'',''", "photos,photos/", "photos/,photos/", "/photos,photos/", "shop/a/,shop/a/", "  ,''"},
            quoteCharacter = '\'')
    void makes_the_key_prefix_a_folder(String given, String kept) {
        assertThat(with(null, "us-east-1", "stock-photos", given).keyPrefix()).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Upper", "-start", "end-", "under_score", "a b c"})
    void refuses_a_name_that_is_no_bucket_name(String bucket) {
        assertThatThrownBy(() -> with(null, "us-east-1", bucket, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bucket: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host/", "http://user:pw@host:9000", "http://host/?a=b", "/relative", "host:9000"})
    void refuses_an_endpoint_that_is_no_plain_http_url(String endpoint) {
        assertThatThrownBy(() -> with(endpoint, "us-east-1", "stock-photos", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("endpoint: ");
    }

    @Test
    void refuses_a_missing_region_and_half_a_key() {
        assertThatThrownBy(() -> with(null, "", "stock-photos", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("region: ");
        assertThatThrownBy(() -> new S3Settings.Credentials("id", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("secretAccessKey: ");
        assertThatThrownBy(() -> new S3Settings.Credentials("", "secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("accessKeyId: ");
    }

    @Test
    void describes_where_the_photos_are() {
        assertThat(with("http://127.0.0.1:9000", "eu-west-1", "stock-photos", "shop")
                        .describe())
                .isEqualTo("bucket stock-photos under shop/ at http://127.0.0.1:9000");
        assertThat(with(null, "eu-west-1", "stock-photos", "").describe())
                .isEqualTo("bucket stock-photos at AWS S3 eu-west-1");
    }
}

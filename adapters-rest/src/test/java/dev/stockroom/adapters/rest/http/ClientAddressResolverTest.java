package dev.stockroom.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals, trusted ranges and X-Forwarded-For, read without a single DNS lookup. */
class ClientAddressResolverTest {
    private static final TrustedProxies LOAD_BALANCERS = TrustedProxies.parse(List.of("10.0.0.0/8", "fd00::/8"));

    private static String resolve(TrustedProxies trusted, String peer, String... forwardedFor) {
        return new ClientAddressResolver(trusted)
                .resolve(peer, List.of(forwardedFor))
                .value();
    }

    @Test
    void reads_ipv4_and_ipv6_literals_in_their_canonical_form() {
        assertThat(IpLiterals.format(IpLiterals.parse("192.0.2.1"))).isEqualTo("192.0.2.1");
        assertThat(IpLiterals.format(IpLiterals.parse("0.0.0.0"))).isEqualTo("0.0.0.0");
        assertThat(IpLiterals.format(IpLiterals.parse("255.255.255.255"))).isEqualTo("255.255.255.255");
        assertThat(IpLiterals.format(IpLiterals.parse("2001:DB8:0:0:0:0:0:1"))).isEqualTo("2001:db8::1");
        assertThat(IpLiterals.format(IpLiterals.parse("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpLiterals.format(IpLiterals.parse("2001:0db8:0000:0001:0001:0001:0001:0001")))
                .isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpLiterals.format(IpLiterals.parse("::"))).isEqualTo("::");
        assertThat(IpLiterals.format(IpLiterals.parse("::1"))).isEqualTo("::1");
        assertThat(IpLiterals.format(IpLiterals.parse("fe80::"))).isEqualTo("fe80::");
        assertThat(IpLiterals.format(IpLiterals.parse("1:2:3:4:5:6:7::"))).isEqualTo("1:2:3:4:5:6:7:0");
        assertThat(IpLiterals.format(IpLiterals.parse("64:ff9b::192.0.2.33"))).isEqualTo("64:ff9b::c000:221");
    }

    @Test
    void reads_an_ipv4_mapped_ipv6_address_as_its_ipv4_address() {
        assertThat(IpLiterals.format(IpLiterals.parse("::ffff:192.0.2.1"))).isEqualTo("192.0.2.1");
        assertThat(IpLiterals.format(IpLiterals.parse("::FFFF:c000:0201"))).isEqualTo("192.0.2.1");
        assertThat(IpLiterals.format(IpLiterals.parse("0:0:0:0:0:ffff:7f00:1"))).isEqualTo("127.0.0.1");
        // Not mapped: the deprecated IPv4-compatible form and a near miss stay IPv6.
        assertThat(IpLiterals.format(IpLiterals.parse("::192.0.2.1"))).isEqualTo("::c000:201");
        assertThat(IpLiterals.format(IpLiterals.parse("1::ffff:192.0.2.1"))).isEqualTo("1::ffff:c000:201");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "localhost",
                "example.com",
                "beef",
                "cafe.example",
                "1.2.3",
                "1.2.3.4.5",
                "256.1.1.1",
                "01.2.3.4",
                "1.2.3.-4",
                "1..2.3",
                "1.2.3.4.",
                "+1.2.3.4",
                "0x7f.0.0.1",
                "2130706433",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7",
                ":::",
                "1:::2",
                "::1::",
                ":1",
                "1:",
                "12345::",
                "g::1",
                "fe80::1%eth0",
                "::ffff:1.2.3",
                "1.2.3.4::",
                "::1.2.3.4:5",
                "２００１:db8::1",
                "١.٢.٣.٤",
                "[::1]",
                "unknown",
                "_hidden",
                "1:2:3:4:5:6:7:8::"
            })
    void refuses_everything_else(String text) {
        assertThat(IpLiterals.parse(text)).isNull();
    }

    @Test
    void the_client_is_the_peer_when_no_proxy_is_trusted() {
        assertThat(resolve(TrustedProxies.none(), "203.0.113.7", "198.51.100.1"))
                .isEqualTo("203.0.113.7");
        assertThat(resolve(TrustedProxies.none(), "203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void an_untrusted_peers_forwarded_for_is_ignored() {
        assertThat(resolve(LOAD_BALANCERS, "203.0.113.7", "198.51.100.1")).isEqualTo("203.0.113.7");
        assertThat(resolve(LOAD_BALANCERS, "203.0.113.7", "10.0.0.1")).isEqualTo("203.0.113.7");
    }

    @Test
    void behind_a_trusted_proxy_the_client_is_the_right_most_untrusted_entry() {
        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
        // The client may write anything left of what the proxies appended.
        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", "1.1.1.1, 203.0.113.9, 198.51.100.1, 10.9.9.9"))
                .isEqualTo("198.51.100.1");
        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", "1.1.1.1, 203.0.113.9", "198.51.100.1"))
                .isEqualTo("198.51.100.1");
        assertThat(resolve(LOAD_BALANCERS, "fd12::1", "2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(resolve(LOAD_BALANCERS, "::ffff:10.0.0.5", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @Test
    void when_every_entry_is_trusted_the_left_most_is_the_client() {
        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", "10.0.0.9, 10.0.0.8")).isEqualTo("10.0.0.9");
    }

    @Test
    void entries_may_carry_ports_and_brackets_as_proxies_write_them() {
        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", "198.51.100.1:4711")).isEqualTo("198.51.100.1");
        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", "[2001:db8::7]:4711")).isEqualTo("2001:db8::7");
        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", "[2001:db8::7]")).isEqualTo("2001:db8::7");
        assertThat(resolve(LOAD_BALANCERS, "[fd00::1]", "198.51.100.1")).isEqualTo("198.51.100.1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                ",",
                "198.51.100.1,",
                ", 198.51.100.1",
                "198.51.100.1,,10.0.0.1",
                "unknown",
                "client.example.com",
                "198.51.100.1, proxy.internal",
                "198.51.100.1:99999",
                "198.51.100.1:",
                "[::1",
                "[198.51.100.1]",
                "2001:db8::7:4711x",
                "<script>",
                "198.51.100.1 203.0.113.1",
                "198.51.100.1;10.0.0.1",
                "\"198.51.100.1\"",
                "for=198.51.100.1"
            })
    void a_malformed_forwarded_for_never_names_another_client(String forwardedFor) {
        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", forwardedFor)).isEqualTo("10.1.2.3");
    }

    @Test
    void a_forwarded_for_too_long_or_with_too_many_entries_is_ignored() {
        String many =
                String.join(",", java.util.Collections.nCopies(ClientAddressResolver.MAX_ENTRIES + 1, "10.0.0.1"));
        String tooLong = " ".repeat(ClientAddressResolver.MAX_LENGTH) + "198.51.100.1";

        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", many + ",198.51.100.1")).isEqualTo("10.1.2.3");
        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", tooLong)).isEqualTo("10.1.2.3");
        String most =
                String.join(",", java.util.Collections.nCopies(ClientAddressResolver.MAX_ENTRIES - 1, "10.0.0.1"));
        assertThat(resolve(LOAD_BALANCERS, "10.1.2.3", "198.51.100.1," + most)).isEqualTo("198.51.100.1");
    }

    @Test
    void a_peer_that_is_no_address_is_unknown_and_its_header_ignored() {
        assertThat(resolve(LOAD_BALANCERS, null, "198.51.100.1")).isEqualTo(ClientAddress.UNKNOWN);
        assertThat(resolve(LOAD_BALANCERS, "some-socket", "198.51.100.1")).isEqualTo(ClientAddress.UNKNOWN);
    }

    @Test
    void trusted_ranges_are_cidrs_of_either_family_or_single_addresses() {
        TrustedProxies trusted = TrustedProxies.parse(List.of(
                " 192.168.1.77/24", "2001:db8:1::/48", "127.0.0.1", "::1", "::ffff:172.16.0.0/108", "0.0.0.0/0"));

        assertThat(trusted.size()).isEqualTo(6);
        assertThat(trusted.toString())
                .isEqualTo("[192.168.1.0/24, 2001:db8:1::/48, 127.0.0.1/32, ::1/128, 172.16.0.0/12, 0.0.0.0/0]");
        TrustedProxies v6 = TrustedProxies.parse(List.of("2001:db8:1::/48"));
        assertThat(v6.trusts(IpLiterals.parse("2001:db8:1:ffff::1"))).isTrue();
        assertThat(v6.trusts(IpLiterals.parse("2001:db8:2::1"))).isFalse();
        assertThat(v6.trusts(IpLiterals.parse("192.0.2.1"))).isFalse();
        TrustedProxies v4 = TrustedProxies.parse(List.of("172.16.0.0/12"));
        assertThat(v4.trusts(IpLiterals.parse("172.31.255.255"))).isTrue();
        assertThat(v4.trusts(IpLiterals.parse("::ffff:172.20.0.1"))).isTrue();
        assertThat(v4.trusts(IpLiterals.parse("172.32.0.0"))).isFalse();
        assertThat(TrustedProxies.parse(List.of()).size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "10.0.0.0/",
                "10.0.0.0/33",
                "::/129",
                "10.0.0.0/8/8",
                "10.0.0.0/-1",
                "10.0.0.0/08",
                "10.0.0.0/x",
                "lb.internal",
                "lb.internal/32",
                "10.0.0/8",
                "::ffff:10.0.0.0/95",
                "*"
            })
    void a_bad_range_is_refused_naming_it(String cidr) {
        assertThatThrownBy(() -> TrustedProxies.parse(List.of("10.0.0.0/8", cidr)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + cidr + "'");
    }

    @Test
    void ipv6_clients_are_limited_by_their_slash64() {
        ClientAddress v6 = ClientAddress.of(IpLiterals.parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        ClientAddress v4 = ClientAddress.of(IpLiterals.parse("::ffff:198.51.100.1"));

        assertThat(v6.value()).isEqualTo("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        assertThat(v6.limitKey()).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.of(IpLiterals.parse("2001:db8:1:2::9")).limitKey())
                .isEqualTo(v6.limitKey());
        assertThat(v4.value()).isEqualTo("198.51.100.1");
        assertThat(v4.limitKey()).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.unknown().limitKey()).isEqualTo(ClientAddress.UNKNOWN);
    }
}

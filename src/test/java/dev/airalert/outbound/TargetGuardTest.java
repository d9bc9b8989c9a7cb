package dev.airalert.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the SSRF guard lets through and what it refuses, with literal addresses only (no DNS):
 * every special-purpose range, the IPv6 forms that carry an IPv4 address, and numeric hosts
 * that URL parsers read in different ways.
 */
class TargetGuardTest {

    private final TargetGuard guard = new TargetGuard(List.of(), 30);

    @Test
    void everySpecialPurposeIpv4RangeIsRefused() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("0.1.2.3", "(0.0.0.0/8)"), Map.entry("0.0.0.0", "(0.0.0.0/8)"),
                Map.entry("10.1.2.3", "private address (10.0.0.0/8)"),
                Map.entry("100.64.0.1", "(100.64.0.0/10)"), Map.entry("100.127.255.255", "(100.64.0.0/10)"),
                Map.entry("127.0.0.1", "loopback address (127.0.0.0/8)"), Map.entry("127.255.0.9", "(127.0.0.0/8)"),
                Map.entry("169.254.169.254", "link-local address (169.254.0.0/16)"),
                Map.entry("172.16.0.1", "(172.16.0.0/12)"), Map.entry("172.31.255.255", "(172.16.0.0/12)"),
                Map.entry("192.0.0.8", "(192.0.0.0/24)"),
                Map.entry("192.0.2.1", "documentation address (192.0.2.0/24)"),
                Map.entry("192.88.99.1", "(192.88.99.0/24)"),
                Map.entry("192.168.1.1", "(192.168.0.0/16)"),
                Map.entry("198.18.0.1", "(198.18.0.0/15)"), Map.entry("198.19.255.255", "(198.18.0.0/15)"),
                Map.entry("198.51.100.7", "documentation address (198.51.100.0/24)"),
                Map.entry("203.0.113.9", "documentation address (203.0.113.0/24)"),
                Map.entry("224.0.0.1", "multicast address (224.0.0.0/4)"), Map.entry("239.255.255.250", "(224.0.0.0/4)"),
                Map.entry("240.0.0.1", "reserved address (240.0.0.0/4)"),
                Map.entry("255.255.255.255", "limited broadcast address (255.255.255.255/32)"));
        refused.forEach((address, range) ->
                assertRefused("http://" + address + "/hook", "names " + address + ", ", range));
    }

    @Test
    void everySpecialPurposeIpv6RangeIsRefused() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("::", "unspecified address (::/128)"),
                Map.entry("::1", "the loopback address (::1/128)"),
                Map.entry("100::1", "discard-only address (100::/64)"),
                Map.entry("2001:2::1", "IETF protocol assignment (2001::/23)"),
                Map.entry("2001:1ff::1", "IETF protocol assignment (2001::/23)"),
                Map.entry("2001:db8::1", "documentation address (2001:db8::/32)"),
                Map.entry("3fff::1", "documentation address (3fff::/20)"),
                Map.entry("3fff:fff::1", "documentation address (3fff::/20)"),
                Map.entry("fc00::1", "unique local address (fc00::/7)"), Map.entry("fd12:3456::1", "(fc00::/7)"),
                Map.entry("fe80::1", "link-local address (fe80::/10)"),
                Map.entry("fec0::1", "site-local address (fec0::/10)"),
                Map.entry("ff02::1", "multicast address (ff00::/8)"),
                Map.entry("4000::1", "outside IPv6 global unicast (2000::/3)"));
        refused.forEach((address, range) ->
                assertRefused("http://[" + address + "]/hook", "names " + address + ", ", range));
    }

    @Test
    void ipv6FormsCarryingAnIpv4AddressAreRefusedNamingIt() {
        assertRefused("http://[::ffff:127.0.0.1]/", "names ::ffff:7f00:1, an IPv4-mapped address (::ffff:0:0/96) embedding 127.0.0.1");
        assertRefused("http://[::ffff:8.8.8.8]/", "IPv4-mapped address (::ffff:0:0/96) embedding 8.8.8.8");
        assertRefused("http://[::127.0.0.1]/", "names ::7f00:1, an IPv4-compatible address (::/96) embedding 127.0.0.1");
        assertRefused("http://[::7f00:1]/", "IPv4-compatible address (::/96) embedding 127.0.0.1");
        assertRefused("http://[64:ff9b::a9fe:a9fe]/", "NAT64 address (64:ff9b::/96) embedding 169.254.169.254");
        assertRefused("http://[64:ff9b:1::a00:1]/", "local-use NAT64 address (64:ff9b:1::/48) embedding 10.0.0.1");
        assertRefused("http://[2002:7f00:1::]/", "names 2002:7f00:1::, a 6to4 address (2002::/16) embedding 127.0.0.1");
        assertRefused("http://[2002:808:808::1]/", "6to4 address (2002::/16) embedding 8.8.8.8");
        // Teredo: server 65.54.227.120 in bits 32-63, client 127.0.0.1 inverted in the last 32.
        assertRefused("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
                "Teredo address (2001::/32) embedding server 65.54.227.120 and client 127.0.0.1");
    }

    @Test
    void numericHostsThatParsersReadDifferentlyAreRefused() {
        for (String host : List.of("0177.0.0.1", "0x7f.1", "0X7F.0.0.1", "127.1", "2130706433", "0x7f000001",
                "127.0.0.01", "127.0.0.1.", "1.2.3.4.5", "example.123")) {
            assertRefused("http://" + host + ":8080/hook", "host '" + host + "' is an ambiguous numeric address");
        }
    }

    @Test
    void urlsThatAreNotPlainHttpTargetsAreRefused() {
        assertRefused("ftp://example.org/hook", "must be an http or https URL");
        assertRefused("not a url", "is not a valid URL");
        assertRefused("http://user:pw@8.8.8.8/", "must name a host and carry no credentials");
        assertRefused("http:///hook", "must name a host");
        assertRefused("http://[fe80::1%25eth0]/", "scoped IPv6 address");
    }

    @Test
    void publicAddressesPassAndTheVerdictCarriesTheAddressChecked() throws Exception {
        for (String host : List.of("8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255",
                "172.32.0.1", "192.0.1.1", "198.17.255.255", "198.20.0.1", "223.255.255.255")) {
            TargetGuard.Verdict verdict = guard.verdict("https://" + host + ":8443/hook");
            assertTrue(verdict.allowed(), host + ": " + verdict.refusal());
            assertEquals(InetAddress.getByName(host), verdict.address());
        }
        for (String host : List.of("2606:4700::1111", "2a00:1450:4001::200e", "2001:200::1", "3fff:1000::1")) {
            TargetGuard.Verdict verdict = guard.verdict("https://[" + host + "]/hook");
            assertTrue(verdict.allowed(), host + ": " + verdict.refusal());
            assertEquals(InetAddress.getByName(host), verdict.address());
        }
    }

    @Test
    void anAllowlistedNetworkPassesOnlyInItsOwnForm() throws Exception {
        TargetGuard allowing = new TargetGuard(List.of("127.0.0.0/8"), 30);
        TargetGuard.Verdict verdict = allowing.verdict("http://127.0.0.1:8080/hook");
        assertTrue(verdict.allowed(), verdict.refusal());
        assertEquals(InetAddress.getByName("127.0.0.1"), verdict.address());
        for (String embedded : List.of("[::ffff:127.0.0.1]", "[::127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]",
                "[2001:0:4136:e378:8000:63bf:80ff:fffe]", "[::1]", "0177.0.0.1")) {
            assertFalse(allowing.verdict("http://" + embedded + ":8080/hook").allowed(), embedded);
        }
        TargetGuard allowingMapped = new TargetGuard(List.of("::ffff:127.0.0.0/104"), 30);
        assertTrue(allowingMapped.verdict("http://[::ffff:127.0.0.1]/").allowed());
        assertFalse(allowingMapped.verdict("http://127.0.0.1/").allowed());
    }

    @Test
    void aKnownVerdictClearsWithoutLookingUpAndNotPastTheDnsCache() {
        assertTrue(guard.cleared("http://9.9.9.9/hook").isEmpty());
        TargetGuard.Verdict verdict = guard.verdict("http://9.9.9.9/hook");
        assertEquals(verdict, guard.cleared("http://9.9.9.9:8080/other").orElseThrow());
        assertTrue(guard.cleared("http://user@9.9.9.9/hook").isEmpty());
        assertTrue(guard.cleared("ftp://9.9.9.9/hook").isEmpty());
        guard.verdict("http://10.0.0.1/hook");
        assertTrue(guard.cleared("http://10.0.0.1/hook").isEmpty());

        TargetGuard uncached = new TargetGuard(List.of(), 0);
        assertTrue(uncached.verdict("http://9.9.9.9/hook").allowed());
        assertTrue(uncached.cleared("http://9.9.9.9/hook").isEmpty());
    }

    private void assertRefused(String url, String... parts) {
        String refusal = guard.refusal(url).orElse(null);
        assertNotNull(refusal, url + " was allowed");
        for (String part : parts) {
            assertTrue(refusal.contains(part), url + ": '" + refusal + "' lacks '" + part + "'");
        }
    }
}

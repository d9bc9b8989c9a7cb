package dev.airalert.outbound;

import dev.airalert.Cidr;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The IANA special-purpose address registries, IPv4 and IPv6, read for webhook targets: every
 * range that is not plain globally reachable unicast, under the name a refusal gives it. The
 * IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) name the
 * address they carry, since that is where a request to them would end up.
 */
final class SpecialAddresses {

    /** The only IPv6 block the registry hands out as global unicast. */
    private static final Cidr GLOBAL_UNICAST = Cidr.parse("2000::/3");

    private record Range(String network, Cidr cidr, String name, Function<byte[], String> embedded) {
    }

    /** Narrower ranges first: {@code ::1} before {@code ::/96}, Teredo before {@code 2001::/23}. */
    private static final List<Range> RANGES = List.of(
            range("0.0.0.0/8", "a \"this network\" address"),
            range("10.0.0.0/8", "a private address"),
            range("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            range("127.0.0.0/8", "a loopback address"),
            range("169.254.0.0/16", "a link-local address"),
            range("172.16.0.0/12", "a private address"),
            range("192.0.0.0/24", "an IETF protocol assignment"),
            range("192.0.2.0/24", "a documentation address"),
            range("192.88.99.0/24", "a 6to4 relay anycast address"),
            range("192.168.0.0/16", "a private address"),
            range("198.18.0.0/15", "a benchmarking address"),
            range("198.51.100.0/24", "a documentation address"),
            range("203.0.113.0/24", "a documentation address"),
            range("224.0.0.0/4", "a multicast address"),
            range("255.255.255.255/32", "the limited broadcast address"),
            range("240.0.0.0/4", "a reserved address"),
            range("::/128", "the unspecified address"),
            range("::1/128", "the loopback address"),
            embedding("::ffff:0:0/96", "an IPv4-mapped address", 12),
            embedding("::/96", "an IPv4-compatible address", 12),
            embedding("64:ff9b::/96", "a NAT64 address", 12),
            // The local-use prefix may be split into longer NAT64 prefixes, but a /96 is the usual one.
            embedding("64:ff9b:1::/48", "a local-use NAT64 address", 12),
            range("100::/64", "a discard-only address"),
            new Range("2001::/32", Cidr.parse("2001::/32"), "a Teredo address", SpecialAddresses::teredo),
            range("2001::/23", "an IETF protocol assignment"),
            range("2001:db8::/32", "a documentation address"),
            embedding("2002::/16", "a 6to4 address", 2),
            range("3fff::/20", "a documentation address"),
            range("fc00::/7", "a unique local address"),
            range("fe80::/10", "a link-local address"),
            range("fec0::/10", "a site-local address"),
            range("ff00::/8", "a multicast address"));

    private SpecialAddresses() {
    }

    /**
     * What the address (4 or 16 bytes) is, such as "a loopback address (127.0.0.0/8)" or "a
     * 6to4 address (2002::/16) embedding 127.0.0.1"; empty for a public unicast address.
     */
    static Optional<String> of(byte[] address) {
        for (Range r : RANGES) {
            if (r.cidr().contains(address)) {
                String embedded = r.embedded() == null ? "" : " embedding " + r.embedded().apply(address);
                return Optional.of(r.name() + " (" + r.network() + ")" + embedded);
            }
        }
        if (address.length == 16 && !GLOBAL_UNICAST.contains(address)) {
            return Optional.of("an address outside IPv6 global unicast (2000::/3)");
        }
        return Optional.empty();
    }

    private static Range range(String network, String name) {
        return new Range(network, Cidr.parse(network), name, null);
    }

    private static Range embedding(String network, String name, int from) {
        return new Range(network, Cidr.parse(network), name, a -> Cidr.text(Arrays.copyOfRange(a, from, from + 4)));
    }

    /** RFC 4380: the server's IPv4 address in bits 32-63, the client's inverted in the last 32. */
    private static String teredo(byte[] a) {
        byte[] client = Arrays.copyOfRange(a, 12, 16);
        for (int i = 0; i < client.length; i++) {
            client[i] = (byte) ~client[i];
        }
        return "server " + Cidr.text(Arrays.copyOfRange(a, 4, 8)) + " and client " + Cidr.text(client);
    }
}

package dev.airalert;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An address range such as 10.0.0.0/8 or fc00::/7; a bare address is a range of one. */
public record Cidr(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** A range as written: an IPv4-mapped IPv6 network stays IPv6, where InetAddress would make it IPv4. */
    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/");
        byte[] network = literal(parts[0]).orElseThrow(() ->
                new IllegalArgumentException("Not a network in CIDR form: " + text)).getAddress();
        if (parts[0].contains(":") && network.length == 4) {
            network = mapped(network);
        }
        try {
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("Not a network in CIDR form: " + text);
            }
            return new Cidr(network, prefix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a network in CIDR form: " + text, e);
        }
    }

    /** An IP address written as such, never looked up in DNS. */
    public static Optional<InetAddress> literal(String text) {
        String t = text == null ? "" : text.trim();
        if (!IPV4.matcher(t).matches() && !IPV6.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The IPv4 address as IPv6 writes it mapped ({@code ::ffff:a.b.c.d}). */
    public static byte[] mapped(byte[] ipv4) {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return mapped;
    }

    /**
     * The address's text: dotted decimal for 4 bytes, the RFC 5952 short form for 16 (the
     * longest run of zero groups as {@code ::}), which InetAddress does not write.
     */
    public static String text(byte[] address) {
        StringBuilder text = new StringBuilder();
        if (address.length == 4) {
            for (int i = 0; i < 4; i++) {
                text.append(i == 0 ? "" : ".").append(address[i] & 0xff);
            }
            return text.toString();
        }
        int runStart = -1;
        int runLength = 1;
        for (int i = 0, start = -1; i < 8; i++) {
            boolean zero = address[2 * i] == 0 && address[2 * i + 1] == 0;
            start = zero ? (start < 0 ? i : start) : -1;
            if (zero && i - start + 1 > runLength) {
                runStart = start;
                runLength = i - start + 1;
            }
        }
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
            } else {
                boolean afterRun = runStart >= 0 && i == runStart + runLength;
                text.append(i == 0 || afterRun ? "" : ":")
                        .append(Integer.toHexString((address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff));
            }
        }
        return text.toString();
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** Whether the address, as 4 or 16 bytes, lies in this range (never across families). */
    public boolean contains(byte[] bytes) {
        if (bytes.length != network.length) {
            return false;
        }
        int bits = bytes.length * 8;
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger mask = all.shiftRight(prefix).not().and(all);
        return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
    }
}

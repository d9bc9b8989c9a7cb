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

    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/");
        byte[] network = literal(parts[0]).orElseThrow(() ->
                new IllegalArgumentException("Not a network in CIDR form: " + text)).getAddress();
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

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int bits = bytes.length * 8;
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        BigInteger mask = all.shiftRight(prefix).not().and(all);
        return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
    }
}

package dev.airalert.outbound;

import dev.airalert.AirAlertConfig;
import dev.airalert.Cidr;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.Security;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps webhooks off the service's own network (SSRF). A target must be an http(s) URL
 * without credentials, its host a name or a plainly written IP address, and every address
 * the host stands for must be public ({@link SpecialAddresses}) unless it lies in a network
 * the operator allowlisted. The host is resolved once per verdict and the verdict carries the
 * address it checked: deliveries connect to that address and never resolve the name again,
 * so an answer that changes between check and connection (DNS rebinding) gains nothing.
 * A verdict stands as long as the JVM keeps a DNS answer ({@code networkaddress.cache.ttl}).
 */
@ApplicationScoped
public class TargetGuard {

    /** The JVM's own default for {@code networkaddress.cache.ttl}. */
    private static final long DEFAULT_TTL_SECONDS = 30;
    /** Past this many hosts, expired verdicts are dropped. */
    private static final int PRUNE_ABOVE = 10_000;
    /** To URL parsers (WHATWG) a host whose last label is a number is an IPv4 address, in whatever base. */
    private static final Pattern NUMERIC = Pattern.compile("(?i)(.*\\.)?(\\d+|0x[0-9a-f]*)\\.?");
    private static final Pattern DOTTED_QUAD = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final String NO_HOST = "must name a host and carry no credentials";

    /** The address a target is to be reached at, or why it is refused. */
    public record Verdict(InetAddress address, String refusal) {

        public static Verdict refused(String why) {
            return new Verdict(null, why);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }

    private record Known(Verdict verdict, long until) {
    }

    private final List<Cidr> allowed;
    private final long verdictMillis;
    private final Map<String, Known> verdicts = new ConcurrentHashMap<>();

    @Inject
    TargetGuard(AirAlertConfig config) {
        this(config.webhooks().allowedNetworks().orElse(List.of()), dnsCacheSeconds());
    }

    TargetGuard(List<String> allowedNetworks, long verdictSeconds) {
        this.allowed = allowedNetworks.stream().map(Cidr::parse).toList();
        this.verdictMillis = verdictSeconds * 1000;
    }

    /**
     * The verdict allowing the URL, from what is already known and without a DNS lookup;
     * empty unless a fresh verdict allows it (the caller must not block).
     */
    public Optional<Verdict> cleared(String url) {
        try {
            URI uri = new URI(url);
            Known known = uri.getHost() == null ? null : verdicts.get(uri.getHost().toLowerCase(Locale.ROOT));
            boolean fresh = known != null && known.until() > System.currentTimeMillis() && known.verdict().allowed();
            return fresh && formRefusal(uri) == null ? Optional.of(known.verdict()) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Where to connect for a vetted address: the address without the host name it was resolved
     * from (Vert.x keys its connection pool by the server's host text, which is then the address
     * itself, so a connection opened to one vetted address never serves another).
     */
    public static java.net.InetSocketAddress server(InetAddress vetted, int port) {
        try {
            return new java.net.InetSocketAddress(InetAddress.getByAddress(vetted.getAddress()), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Why the URL may not be used, or empty when it may. */
    public Optional<String> refusal(String url) {
        return Optional.ofNullable(verdict(url).refusal());
    }

    /** The address to send to, or why not; resolves the host unless a fresh verdict on it is known. */
    public Verdict verdict(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Verdict.refused("is not a valid URL");
        }
        String refusal = formRefusal(uri);
        if (refusal != null) {
            return Verdict.refused(refusal);
        }
        String host = uri.getHost();
        if (host == null) {
            String written = uri.getRawAuthority().replaceFirst(":\\d*$", "");
            return Verdict.refused(NUMERIC.matcher(written).matches() ? ambiguous(written) : NO_HOST);
        }
        String key = host.toLowerCase(Locale.ROOT);
        long now = System.currentTimeMillis();
        Known known = verdicts.get(key);
        if (known == null || known.until() <= now) {
            known = new Known(vet(host), now + verdictMillis);
            if (verdicts.size() > PRUNE_ABOVE) {
                verdicts.values().removeIf(k -> k.until() <= now);
            }
            verdicts.put(key, known);
        }
        return known.verdict();
    }

    /** What is wrong with the URL as written, before its host is looked at; null if nothing. */
    private static String formRefusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http or https URL";
        }
        String authority = uri.getRawAuthority();
        return authority == null || authority.contains("@") ? NO_HOST : null;
    }

    /** Resolves the host once and checks every address it stands for; the first is the one to use. */
    private Verdict vet(String host) {
        InetAddress[] addresses;
        boolean literal = host.startsWith("[") || NUMERIC.matcher(host).matches();
        try {
            if (host.contains("%")) {
                return Verdict.refused("names a scoped IPv6 address");
            } else if (literal && !host.startsWith("[") && !DOTTED_QUAD.matcher(host).matches()) {
                return Verdict.refused(ambiguous(host));
            }
            // Literals are parsed, never looked up.
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Verdict.refused(literal ? "is not a valid URL" : "host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            byte[] form = written(host, address);
            Optional<String> special = SpecialAddresses.of(form);
            if (special.isPresent() && allowed.stream().noneMatch(c -> c.contains(form))) {
                return Verdict.refused((literal ? "names " : "resolves to ") + Cidr.text(form) + ", " + special.get());
            }
        }
        return new Verdict(addresses[0], null);
    }

    /**
     * The address as the URL wrote it: InetAddress turns an IPv4-mapped IPv6 literal into the
     * IPv4 address, which would hide the form from the checks and from the allowlist.
     */
    private static byte[] written(String host, InetAddress address) {
        byte[] bytes = address.getAddress();
        return host.startsWith("[") && address instanceof Inet4Address ? Cidr.mapped(bytes) : bytes;
    }

    private static String ambiguous(String host) {
        return "host '" + host + "' is an ambiguous numeric address: write an IPv4 address as four decimal"
                + " numbers without leading zeros";
    }

    /** How long the JVM keeps a DNS answer: as long as a verdict, and the address it vetted, stand. */
    static long dnsCacheSeconds() {
        String ttl = Security.getProperty("networkaddress.cache.ttl");
        if (ttl == null) {
            ttl = System.getProperty("sun.net.inetaddr.ttl");
        }
        try {
            long seconds = ttl == null ? DEFAULT_TTL_SECONDS : Long.parseLong(ttl.trim());
            // Negative: kept for ever, which our default stays within.
            return seconds < 0 ? DEFAULT_TTL_SECONDS : seconds;
        } catch (NumberFormatException e) {
            return DEFAULT_TTL_SECONDS;
        }
    }
}

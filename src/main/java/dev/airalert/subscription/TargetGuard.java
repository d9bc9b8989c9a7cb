package dev.airalert.subscription;

import dev.airalert.AirAlertConfig;
import dev.airalert.Cidr;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps webhooks off the service's own network (SSRF): a target must be http(s) and resolve
 * only to public addresses, unless its address lies in a network the operator allowlisted.
 * Checked when a subscription is registered and again before every delivery, since DNS
 * answers can change.
 */
@ApplicationScoped
public class TargetGuard {

    /** Non-public IPv4 ranges besides what InetAddress itself can tell: CGNAT, reserved, benchmarking. */
    private static final List<Cidr> BLOCKED = List.of(Cidr.parse("0.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
            Cidr.parse("192.0.0.0/24"), Cidr.parse("198.18.0.0/15"), Cidr.parse("240.0.0.0/4"),
            Cidr.parse("fc00::/7"), Cidr.parse("64:ff9b::/96"));

    /** How long a verdict on a host stands: the JVM caches DNS answers as long. */
    private static final long VERDICT_MILLIS = 30_000;

    private final List<Cidr> allowed;
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();

    private record Verdict(Optional<String> refusal, long until) {
    }

    TargetGuard(AirAlertConfig config) {
        this.allowed = config.webhooks().allowedNetworks().orElse(List.of()).stream()
                .map(Cidr::parse).toList();
    }

    /**
     * Whether the URL may be used by what is already known, without a DNS lookup: true only
     * when a fresh verdict on its host allows it (the caller must not block).
     */
    public boolean cleared(String url) {
        try {
            URI uri = new URI(url);
            Verdict known = uri.getHost() == null ? null : verdicts.get(uri.getHost());
            return known != null && known.until() >= System.currentTimeMillis() && known.refusal().isEmpty()
                    && uri.getUserInfo() == null && ("http".equalsIgnoreCase(uri.getScheme())
                            || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    /** Why the URL may not be used, or empty when it may. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of("must name a host and carry no credentials");
        }
        long now = System.currentTimeMillis();
        Verdict known = verdicts.get(uri.getHost());
        if (known == null || known.until() < now) {
            known = new Verdict(resolve(uri.getHost()), now + VERDICT_MILLIS);
            verdicts.put(uri.getHost(), known);
        }
        return known.refusal();
    }

    private Optional<String> resolve(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(c -> c.contains(address))) {
                return Optional.of("resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or reserved address");
            }
        }
        return Optional.empty();
    }

    private static boolean isPublic(InetAddress a) {
        return !(a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()
                || a.isSiteLocalAddress() || a.isMulticastAddress()
                || BLOCKED.stream().anyMatch(c -> c.contains(a)));
    }
}

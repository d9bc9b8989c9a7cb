package dev.airalert.security;

import dev.airalert.AirAlertConfig;
import dev.airalert.Cidr;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address a request came from, as limits and the audit trail need it. Forwarded
 * headers are believed only from configured proxies ({@code airalert.security.trusted-proxies}),
 * and then read from the right: each trusted proxy appends the address it got the request
 * from, so the first one from the right that is not a trusted proxy is the client. What a
 * client writes into {@code X-Forwarded-For} itself stands to the left and is never taken.
 */
@ApplicationScoped
public class ClientAddresses {

    private final List<Cidr> trusted;

    ClientAddresses(AirAlertConfig config) {
        this.trusted = config.security().trustedProxies().orElse(List.of()).stream().map(Cidr::parse).toList();
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return of(peer, request.headers().getAll("X-Forwarded-For"));
    }

    String of(String peer, List<String> forwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        });
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = Cidr.literal(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get().getHostAddress();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        Optional<InetAddress> parsed = Cidr.literal(address);
        return parsed.isPresent() && trusted.stream().anyMatch(c -> c.contains(parsed.get()));
    }
}

package dev.airalert.subscription;

import dev.airalert.AirAlertConfig;
import dev.airalert.outbound.TargetGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a browser's push subscription must be to be kept: an endpoint on a known push service
 * ({@code airalert.push.services}: URL prefixes, a host may start with {@code *.}) that the
 * target guard also clears (no private addresses, no credentials), and keys that can encrypt:
 * {@code p256dh} a point on P-256, {@code auth} 16 bytes.
 */
@ApplicationScoped
public class PushEndpoints {

    /** P-256's field prime and curve coefficient b (a = -3): a point must satisfy y² = x³ - 3x + b. */
    private static final BigInteger P = new BigInteger(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B = new BigInteger(
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    private final List<String> services;
    private final TargetGuard guard;

    PushEndpoints(AirAlertConfig config, TargetGuard guard) {
        this.services = config.push().services().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.guard = guard;
    }

    /** Why the endpoint is refused, if it is. */
    public Optional<String> refusal(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        if (services.stream().noneMatch(prefix -> matches(prefix, endpoint, uri))) {
            return Optional.of("is not on a push service this server sends to (airalert.push.services)");
        }
        return guard.refusal(endpoint);
    }

    private static boolean matches(String prefix, String endpoint, URI uri) {
        int wildcard = prefix.indexOf("://*.");
        if (wildcard < 0) {
            return endpoint.startsWith(prefix);
        }
        URI allowed = URI.create(prefix.replace("://*.", "://wildcard."));
        String suffix = allowed.getHost().substring("wildcard".length()).toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = allowed.getRawPath() == null ? "" : allowed.getRawPath();
        return prefix.substring(0, wildcard).equalsIgnoreCase(uri.getScheme()) && host.endsWith(suffix)
                && host.length() > suffix.length() && uri.getPort() == allowed.getPort() && uri.getRawUserInfo() == null
                && (uri.getRawPath() == null ? "" : uri.getRawPath()).startsWith(path);
    }

    /** Why the p256dh key is refused, if it is: base64url of an uncompressed point on P-256. */
    public static Optional<String> keyRefusal(String p256dh) {
        byte[] point = decoded(p256dh);
        if (point == null || point.length != 65 || point[0] != 4) {
            return Optional.of("must be base64url of a 65-byte uncompressed P-256 point");
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(point, 33, 65));
        BigInteger right = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P);
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0 || !y.modPow(BigInteger.TWO, P).equals(right)) {
            return Optional.of("is not a point on P-256");
        }
        return Optional.empty();
    }

    /** Why the auth secret is refused, if it is: base64url of 16 bytes. */
    public static Optional<String> authRefusal(String auth) {
        byte[] secret = decoded(auth);
        return secret != null && secret.length == 16 ? Optional.empty()
                : Optional.of("must be base64url of 16 bytes");
    }

    /** Base64url with or without padding (browsers send it without); null when it is not. */
    static byte[] decoded(String value) {
        if (value == null || value.length() > 200) {
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(value.trim().replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

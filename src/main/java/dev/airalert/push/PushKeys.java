package dev.airalert.push;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import dev.airalert.AirAlertConfig;
import dev.airalert.Clocks;
import dev.airalert.security.StoredSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The VAPID key pair (RFC 8292) that identifies this service to push services: made once and
 * kept sealed with the master key among the service's secrets, so every replica signs with the
 * same key and a browser subscribed through one replica gets pushes from all. Its public half is
 * what the page passes to {@code PushManager.subscribe}. A new key means every browser must
 * subscribe again: push services refuse messages signed by another key than the subscription's.
 *
 * <p>VAPID tokens are signed per push service (their {@code aud} is its origin), valid
 * {@link #TOKEN_LIFETIME} and used for half of it, so a fan-out to thousands signs a handful.
 */
@ApplicationScoped
public class PushKeys {

    static final String SECRET = "web-push-vapid";
    /** A token's {@code exp}: RFC 8292 allows up to 24 hours; push services have refused more. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final StoredSecrets secrets;
    private final String subject;
    private final Clock clock = Clocks.UTC;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile WebPush webPush;

    PushKeys(StoredSecrets secrets, AirAlertConfig config) {
        this.secrets = secrets;
        this.subject = config.push().subject();
    }

    private record Token(String jwt, Instant renewAt) {
    }

    /** The public key as browsers take it: the uncompressed P-256 point, base64url without padding. */
    public String publicKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(webPush().getVapidKeys().getApplicationServerKey());
    }

    /** What encrypts messages and makes the VAPID headers. */
    public WebPush webPush() {
        WebPush made = webPush;
        if (made == null) {
            synchronized (this) {
                if (webPush == null) {
                    String[] stored = secrets.getOrCreate(SECRET, PushKeys::generate).split("\n");
                    webPush = new WebPush(subject, VapidKeys.create(stored[0], stored[1]));
                }
                made = webPush;
            }
        }
        return made;
    }

    /** A VAPID token for the push service at this origin ({@code https://fcm.googleapis.com}). */
    public String token(String audience) {
        Instant now = clock.instant();
        Token token = tokens.get(audience);
        if (token == null || !now.isBefore(token.renewAt())) {
            token = new Token(webPush().getToken(audience, (int) TOKEN_LIFETIME.toSeconds()),
                    now.plus(TOKEN_LIFETIME.dividedBy(2)));
            tokens.put(audience, token);
        }
        return token.jwt();
    }

    private static String generate() {
        VapidKeys keys = VapidKeys.generate();
        return keys.getX509PublicKey() + "\n" + keys.getPkcs8PrivateKey();
    }
}

package dev.airalert.delivery;

import dev.airalert.subscription.WebhookFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery this instance may send, with everything needed to send and record it. Either
 * claimed from the queue (its row exists, leased until {@code leasedUntil}) or handed
 * straight from the fan-out ({@code handoff} set: no row until the recorder writes one).
 *
 * <p>{@code ended}: the event's alert was cancelled or superseded when the delivery was made
 * ready ({@link DeliveryStatus#SUPERSEDED}), or null; {@code alertExpires}: when the alert of an
 * {@code alert.published} or {@code alert.updated} event expires (null: never, or another event).
 * Unless the subscription takes everything late ({@code deliverLate}), such a delivery is
 * recorded and not sent. {@code place}: a push subscription's place.
 */
record Outgoing(UUID deliveryId, UUID subscriptionId, String url, List<String> secrets,
        List<String> languages, int attemptsMade, long eventSeq, String eventId, String chainKey, String type,
        Instant eventCreatedAt, Instant leasedUntil, Handoff handoff, WebhookFormat format,
        DeliveryStatus ended, Instant alertExpires, boolean deliverLate, String place) {

    /** A push message lives a day at most, whatever the alert says (RFC 8030's TTL, as push services cap it). */
    static final Duration PUSH_LIFETIME = Duration.ofHours(24);

    /** Why it is not to be sent at {@code now}: {@code superseded}, {@code expired}; null when it is to go. */
    DeliveryStatus stale(Instant now) {
        if (deliverLate && format != WebhookFormat.WEBPUSH) {
            return null;
        }
        if (ended != null) {
            return ended;
        }
        Instant sendBy = sendBy();
        return sendBy != null && !now.isBefore(sendBy) ? DeliveryStatus.EXPIRED : null;
    }

    /** After this, sending is pointless: the alert expired, or a push message outlived its day; null: never. */
    Instant sendBy() {
        if (format != WebhookFormat.WEBPUSH) {
            return alertExpires;
        }
        Instant lifetime = eventCreatedAt.plus(PUSH_LIFETIME);
        return alertExpires != null && alertExpires.isBefore(lifetime) ? alertExpires : lifetime;
    }

    /**
     * What its send slots are counted by: the subscription's endpoint, or for a push message
     * the push service (thousands of browsers share one, and it limits us as one client).
     */
    UUID slotKey() {
        if (format != WebhookFormat.WEBPUSH) {
            return subscriptionId;
        }
        return UUID.nameUUIDFromBytes(("push-service " + origin(url)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code scheme://host[:port]} of a URL: a push service's identity, and a VAPID token's
     * audience. By string, not {@link URI}: the dispatcher asks it of every message it offers.
     */
    static String origin(String url) {
        int host = url.indexOf("://");
        if (host < 0) {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        }
        int end = host + 3;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        return url.substring(0, end);
    }
}

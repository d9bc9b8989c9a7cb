package dev.airalert.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signatures against the Standard Webhooks test vector and its reference library. */
class WebhookSignerTest {

    @Test
    void publishedTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void theReferenceLibraryAcceptsEitherSecretDuringRotation() throws Exception {
        String oldSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String newSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
        long now = Instant.now().getEpochSecond();
        String body = "{\"type\":\"alert.published\"}";
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("evt_1"),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(WebhookSigner.signature(List.of(newSecret, oldSecret), "evt_1", now, body)));
        new Webhook(newSecret).verify(body, headers);
        new Webhook(oldSecret).verify(body, headers);
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook("whsec_" + "C".repeat(43) + "=").verify(body, headers));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(newSecret).verify(body + " ", headers));
    }
}

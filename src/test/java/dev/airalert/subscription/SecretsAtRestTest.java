package dev.airalert.subscription;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import dev.airalert.TestAlerts;
import dev.airalert.delivery.WebhookReceiver;
import dev.airalert.security.StoredSecrets;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Webhook secrets are stored sealed with the master key; one stored in plain by the previous
 * release is sealed at start and goes on signing; a service secret is created once however
 * many callers ask at the same moment.
 */
@QuarkusTest
class SecretsAtRestTest {

    @Inject
    AgroalDataSource db;

    @Inject
    WebhookSecretsAtRest atRest;

    @Inject
    StoredSecrets secrets;

    private String stored(String subscription) throws Exception {
        try (var c = db.getConnection(); var s = c.prepareStatement("SELECT secret FROM subscription WHERE id = ?")) {
            s.setObject(1, UUID.fromString(subscription));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aSecretIsStoredSealedAndALegacyPlainOneIsSealedAndStillSigns() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var created = TestSubscriptions.create(TestSubscriptions.subscriberKey(), receiver.url(),
                    "\"regions\": [\"UA-35\"]");
            String id = created.getString("id");
            String secret = created.getString("secret");
            String sealed = stored(id);
            assertTrue(sealed.startsWith("v1."), sealed);
            assertFalse(sealed.contains(secret.substring(6)));

            // As the previous release stored it: in plain.
            try (var c = db.getConnection(); var s = c.prepareStatement("UPDATE subscription SET secret = ? WHERE id = ?")) {
                s.setString(1, secret);
                s.setObject(2, UUID.fromString(id));
                s.executeUpdate();
            }
            assertTrue(atRest.sealAll() >= 1);
            assertTrue(stored(id).startsWith("v1."));

            TestAlerts.publish(TestAlerts.kyivAirRaid(TestAlerts.uniqueSender(), TestAlerts.uniqueId())
                    .replace("UA-30", "UA-35")).then().statusCode(201);
            await().atMost(Duration.ofSeconds(10)).until(() -> !receiver.received().isEmpty());
            WebhookReceiver.Received r = receiver.received().get(0);
            new Webhook(secret).verify(r.body(), r.headers());
        }
    }

    @Test
    void aServiceSecretIsCreatedOnceWhenManyAskAtOnce() throws Exception {
        String name = "test-" + UUID.randomUUID();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> seen.add(secrets.getOrCreate(name, () -> UUID.randomUUID().toString()))));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, seen.size(), "every caller got the one value stored");
        assertEquals(seen.iterator().next(), secrets.getOrCreate(name, () -> "another"));
    }
}

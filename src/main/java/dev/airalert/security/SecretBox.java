package dev.airalert.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.jboss.logging.Logger;

/**
 * The one rule for secrets at rest: AES-256-GCM under the master key, with a fresh 96-bit
 * nonce per value, and bound to what the value is for (its purpose, e.g. the subscription
 * it signs for, as associated data), so a value copied to another row does not open.
 * Sealed values read {@code v1.<key id>.<base64url(nonce | ciphertext | tag)>}. A value in
 * none of that form was stored before encryption: it opens as itself until the start-up
 * re-encryption seals it. Opened values are kept in memory (a fan-out signs for thousands).
 */
@ApplicationScoped
public class SecretBox {

    private static final Logger LOG = Logger.getLogger(SecretBox.class);
    private static final String PREFIX = "v1.";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey keys;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, String> opened = Caffeine.newBuilder().maximumSize(200_000).build();

    SecretBox(MasterKey keys) {
        this.keys = keys;
    }

    public String seal(String purpose, String plaintext) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] all = ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + keys.currentId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext of a sealed value (or of a value stored before encryption); null stays null. */
    public String open(String purpose, String stored) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        return opened.get(purpose + "\n" + stored, k -> decrypt(purpose, stored));
    }

    /**
     * Seals again, with the current key, every value of {@code table.column} that is not:
     * stored in plain by an earlier release, or sealed with a former master key. A value is
     * replaced only if it is still what was read, so replicas starting together do the work
     * once and a change made meanwhile is never overwritten. Returns how many were sealed.
     * Runs at start, before traffic: identifiers and names here are the service's own.
     */
    public int resealColumn(EntityManager em, String table, String idColumn, String column,
            Function<Object, String> purpose) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT " + idColumn + ", " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL")
                .getResultList());
        int sealed = 0;
        for (Object[] row : rows) {
            String stored = (String) row[1];
            String plain;
            try {
                // Opening every value checks it and warms the cache: the first fan-out after a start signs at once.
                plain = open(purpose.apply(row[0]), stored);
            } catch (IllegalStateException e) {
                // One unreadable value must not keep the whole service down: said loudly, left as it is.
                LOG.errorf("Secrets at rest: %s %s=%s cannot be opened: %s", table, idColumn, row[0], e.getMessage());
                continue;
            }
            if (isCurrent(stored)) {
                continue;
            }
            String again = seal(purpose.apply(row[0]), plain);
            sealed += QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE " + table + " SET "
                    + column + " = ?1 WHERE " + idColumn + " = ?2 AND " + column + " = ?3")
                    .setParameter(1, again).setParameter(2, row[0]).setParameter(3, stored).executeUpdate());
        }
        return sealed;
    }

    /** Whether the value is sealed with the current master key (else it is to be sealed again). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX + keys.currentId() + ".");
    }

    private static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX) && stored.indexOf('.', PREFIX.length()) > 0;
    }

    private String decrypt(String purpose, String stored) {
        int dot = stored.indexOf('.', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), dot);
        SecretKey key = keys.byId(keyId);
        if (key == null) {
            throw new IllegalStateException("A stored secret is sealed with master key " + keyId
                    + ", which is neither airalert.security.master-key nor one of its previous-master-keys");
        }
        byte[] all = Base64.getUrlDecoder().decode(stored.substring(dot + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret does not open for " + purpose
                    + " (altered, or moved from another row)", e);
        }
    }
}

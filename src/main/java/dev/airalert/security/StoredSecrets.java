package dev.airalert.security;

import dev.airalert.Clocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Secrets and private keys the service makes for itself (signing keys of later channels),
 * sealed with the master key in {@code service_secret}. Each is created once: the first
 * replica to insert it wins, and the others read what it inserted. At start the master key
 * is checked against the database (a replica started with another key refuses to start
 * rather than write secrets nobody else can read), and values sealed with a former key are
 * sealed again with the current one.
 */
@ApplicationScoped
public class StoredSecrets {

    private static final Logger LOG = Logger.getLogger(StoredSecrets.class);
    private static final String CHECK = "master-key-check";
    private static final String CHECK_VALUE = "airalert master key";

    private final EntityManager em;
    private final SecretBox box;

    StoredSecrets(EntityManager em, SecretBox box) {
        this.em = em;
        this.box = box;
    }

    void verifyAtStart(@Observes @Priority(1) StartupEvent start) {
        String check;
        try {
            check = getOrCreate(CHECK, () -> CHECK_VALUE);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The master key is not the one this database's secrets were sealed with:"
                    + " start every replica with the same AIRALERT_SECURITY_MASTER_KEY (a former key goes in"
                    + " AIRALERT_SECURITY_PREVIOUS_MASTER_KEYS). " + e.getMessage(), e);
        }
        if (!CHECK_VALUE.equals(check)) {
            throw new IllegalStateException("The master key check in the database does not hold");
        }
        int resealed = box.resealColumn(em, "service_secret", "name", "sealed_value", name -> purpose((String) name));
        if (resealed > 0) {
            LOG.infof("Secrets at rest: %d service secrets sealed again with the current master key", resealed);
        }
    }

    /** The secret by this name, created (by {@code generator}) if no replica has made it yet. */
    public String getOrCreate(String name, Supplier<String> generator) {
        Optional<String> stored = read(name);
        if (stored.isPresent()) {
            return box.open(purpose(name), stored.get());
        }
        String made = generator.get();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "INSERT INTO service_secret (name, sealed_value, created_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, name).setParameter(2, box.seal(purpose(name), made))
                    .setParameter(3, Clocks.UTC.instant()).executeUpdate());
            return made;
        } catch (PersistenceException e) {
            // Another replica inserted it first: its value is the value.
            return box.open(purpose(name), read(name).orElseThrow(() -> e));
        }
    }

    private Optional<String> read(String name) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT sealed_value FROM service_secret WHERE name = ?1").setParameter(1, name).getResultStream()
                .findFirst().map(Object::toString));
    }

    private static String purpose(String name) {
        return "service-secret/" + name;
    }
}

package dev.airalert.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airalert.AirAlertConfig;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Secrets at rest: sealed per purpose, opened after a rotation, refused with the wrong key. */
class SecretBoxTest {

    static SecretBox box(String current, String... previous) {
        AirAlertConfig.Security security = (AirAlertConfig.Security) Proxy.newProxyInstance(
                SecretBoxTest.class.getClassLoader(), new Class<?>[] {AirAlertConfig.Security.class},
                (p, m, a) -> switch (m.getName()) {
                    case "masterKey" -> Optional.of(current);
                    case "previousMasterKeys" -> Optional.of(List.of(previous));
                    default -> null;
                });
        AirAlertConfig config = (AirAlertConfig) Proxy.newProxyInstance(SecretBoxTest.class.getClassLoader(),
                new Class<?>[] {AirAlertConfig.class}, (p, m, a) -> switch (m.getName()) {
                    case "security" -> security;
                    case "dataDir" -> Path.of("target");
                    default -> null;
                });
        return new SecretBox(new MasterKey(config));
    }

    @Test
    void aSealedSecretOpensForItsPurposeOnly() {
        SecretBox box = box(MasterKey.generate());
        String sealed = box.seal("webhook-secret/a", "whsec_abc");
        assertTrue(sealed.startsWith("v1."));
        assertFalse(sealed.contains("whsec_abc"));
        assertNotEquals(sealed, box.seal("webhook-secret/a", "whsec_abc"), "a fresh nonce every time");
        assertEquals("whsec_abc", box.open("webhook-secret/a", sealed));
        assertThrows(IllegalStateException.class, () -> box.open("webhook-secret/b", sealed),
                "a value copied to another row does not open");
        assertEquals("whsec_plain", box.open("webhook-secret/a", "whsec_plain"), "stored before encryption");
    }

    @Test
    void aFormerKeyStillOpensUntilEverythingIsSealedAgain() {
        String old = MasterKey.generate();
        String sealed = box(old).seal("p", "secret");
        SecretBox rotated = box(MasterKey.generate(), old);
        assertEquals("secret", rotated.open("p", sealed));
        assertFalse(rotated.isCurrent(sealed));
        assertTrue(rotated.isCurrent(rotated.seal("p", "secret")));
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> box(MasterKey.generate()).open("p", sealed));
        assertTrue(wrong.getMessage().contains("previous-master-keys"));
        assertThrows(IllegalStateException.class, () -> box("dG9vIHNob3J0"), "a key must be 32 bytes");
    }
}

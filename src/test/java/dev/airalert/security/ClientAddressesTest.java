package dev.airalert.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.airalert.AirAlertConfig;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which address a request came from, whatever a client writes into X-Forwarded-For. */
class ClientAddressesTest {

    private static ClientAddresses trusting(String... proxies) {
        AirAlertConfig.Security security = (AirAlertConfig.Security) Proxy.newProxyInstance(
                ClientAddressesTest.class.getClassLoader(), new Class<?>[] {AirAlertConfig.Security.class},
                (p, m, a) -> m.getName().equals("trustedProxies") ? Optional.of(List.of(proxies)) : null);
        AirAlertConfig config = (AirAlertConfig) Proxy.newProxyInstance(ClientAddressesTest.class.getClassLoader(),
                new Class<?>[] {AirAlertConfig.class}, (p, m, a) -> m.getName().equals("security") ? security : null);
        return new ClientAddresses(config);
    }

    @Test
    void forwardedHeadersCountOnlyFromTrustedProxiesAndFromTheRight() {
        ClientAddresses addresses = trusting("10.0.0.0/8");
        assertEquals("203.0.113.9", addresses.of("203.0.113.9", List.of("198.51.100.1")), "untrusted peer: its own address");
        assertEquals("198.51.100.1", addresses.of("10.0.0.5", List.of("198.51.100.1")));
        assertEquals("198.51.100.1", addresses.of("10.0.0.5", List.of("6.6.6.6, 198.51.100.1")), "the client's own entry is left of the proxy's");
        assertEquals("198.51.100.1", addresses.of("10.0.0.5", List.of("6.6.6.6", "198.51.100.1, 10.0.0.9")), "chained proxies are skipped");
        assertEquals("10.0.0.5", addresses.of("10.0.0.5", List.of("not-an-address")), "garbage is never taken");
        assertEquals("10.0.0.5", addresses.of("10.0.0.5", List.of()));
        assertEquals("10.0.0.5", trusting().of("10.0.0.5", List.of("198.51.100.1")), "no trusted proxies: headers ignored");
    }
}

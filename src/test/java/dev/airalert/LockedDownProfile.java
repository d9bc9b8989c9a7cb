package dev.airalert;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A deployment that closed what is open by default: the stream needs a key, metrics need an
 * admin or monitor key, the API description is not served.
 */
public class LockedDownProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("airalert.stream.require-key", "true",
                "airalert.security.metrics", "key",
                "airalert.security.api-docs", "closed");
    }
}

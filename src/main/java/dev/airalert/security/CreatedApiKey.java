package dev.airalert.security;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A new API key, the only time its secret is shown. */
public record CreatedApiKey(@JsonUnwrapped ApiKeyView key, String secret) {

    public java.util.UUID id() {
        return key.id();
    }
}

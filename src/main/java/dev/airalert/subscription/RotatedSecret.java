package dev.airalert.subscription;

import java.time.Instant;

/** A new signing secret; the previous one keeps signing (second signature) until the given time. */
public record RotatedSecret(String secret, Instant previousSecretValidUntil) {
}

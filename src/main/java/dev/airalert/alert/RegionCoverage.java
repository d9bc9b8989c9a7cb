package dev.airalert.alert;

/** One region an active alert covers (whole or in part), with that alert's event. */
public record RegionCoverage(String regionCode, boolean partial, String event) {
}

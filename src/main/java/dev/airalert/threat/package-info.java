/**
 * Threat types and levels: what kind of danger an alert warns of (air raid, drones, missiles,
 * shelling...) and how grave (yellow, red), read from the CAP fields a publisher sets or, when
 * it sets none, from its event and category by a documented mapping.
 */
package dev.airalert.threat;

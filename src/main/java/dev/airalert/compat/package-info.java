/**
 * The APIs Ukraine's apps and devices already speak, served from airalert's own alerts:
 * alerts.in.ua's v1 ({@code /v1/...}) and ukrainealarm's v3 ({@code /api/v3/...}), at their
 * paths and in their shapes, so a client changes only its host. One build of what is in force
 * ({@link dev.airalert.compat.ActiveThreats}) serves every poller until something changes;
 * answers are conditional (ETag, Last-Modified) and their errors are those services' own.
 */
package dev.airalert.compat;

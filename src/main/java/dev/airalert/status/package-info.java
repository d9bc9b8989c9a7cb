/**
 * What is active where now: every region's state and why (from what active alerts cover, the
 * hierarchy carrying it up and down), as JSON or one character per region, and one region or
 * the regions at a point with their states.
 */
package dev.airalert.status;

/** What is active where now: every region's state, and one region with its active alerts. */
package dev.airalert.status;

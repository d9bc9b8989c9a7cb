/**
 * What a reader asks of alerts (regions, events, a severity floor, languages), read one way
 * for history, the live stream and webhook subscriptions, so a filter means the same wherever
 * it is given.
 */
package dev.airalert.filter;

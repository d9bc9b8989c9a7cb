/** Regions: which region codes an alert's areas cover. */
package dev.airalert.region;

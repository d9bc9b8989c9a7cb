/** The live stream of alert events for browsers and dashboards (Server-Sent Events). */
package dev.airalert.stream;

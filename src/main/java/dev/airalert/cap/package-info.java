/** The CAP 1.2 format: records, XML and JSON reading and writing, validation. */
package dev.airalert.cap;

/** Alert notices: CAP ingest, storage, lifecycle and history. */
package dev.airalert.alert;

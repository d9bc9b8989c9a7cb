/**
 * Who speaks for a CAP sender, as admins decide it: trusted senders, which must sign their
 * CAP with one of their registered X.509 certificates, and delegations, by which one
 * sender's messages may update or cancel another's alerts.
 */
package dev.airalert.sender;

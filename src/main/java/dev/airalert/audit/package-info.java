/**
 * The audit trail: every publish, update, cancel, approval, refusal for lack of rights, and
 * every change to keys, trusted senders, delegations and approval rules, with when, which
 * key and holder, which sender, from which address and what became of it. Other features
 * fire {@code security.AuditEvent}; this package only appends, reads for admins, and
 * removes entries by age.
 */
package dev.airalert.audit;

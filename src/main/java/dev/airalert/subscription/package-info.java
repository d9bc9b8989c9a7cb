/** Subscriptions: who wants which alerts where, and the secret their webhooks are signed with. */
package dev.airalert.subscription;

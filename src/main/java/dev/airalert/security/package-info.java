/** Who may do what: API keys (stored hashed) with roles, and the admin key. */
package dev.airalert.security;

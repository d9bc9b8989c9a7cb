/** HTTP concerns shared by every feature: RFC 9457 problem details and their mapping. */
package dev.airalert.web;

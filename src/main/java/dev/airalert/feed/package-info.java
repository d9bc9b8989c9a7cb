/** CAP feeds the service polls: Atom and RSS indexes of CAP messages, and single CAP documents. */
package dev.airalert.feed;

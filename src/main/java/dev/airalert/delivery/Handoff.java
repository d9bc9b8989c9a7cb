package dev.airalert.delivery;

import java.time.Instant;

/** A delivery handed to the sender without a row: which held event it belongs to, since when. */
record Handoff(HeldEvents.Held event, Instant at) {
}

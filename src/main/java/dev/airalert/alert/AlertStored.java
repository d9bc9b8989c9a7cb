package dev.airalert.alert;

import dev.airalert.security.Audience;
import java.util.List;
import java.util.UUID;

/**
 * Fired inside the publish (or approval) transaction for every alert that goes out, so that
 * whatever must follow from it (the event log and the channels' outboxes) is written in the
 * same transaction or not at all. {@code related} are the ids of the alerts an Update or Cancel
 * refers to (or the copy a verified alert displaced), as far as they are known; {@code audience}
 * says who may read it.
 */
public record AlertStored(AlertView alert, List<UUID> related, Audience audience) {
}

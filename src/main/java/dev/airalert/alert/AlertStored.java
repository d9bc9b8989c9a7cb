package dev.airalert.alert;

import java.util.List;

/**
 * Fired inside the publish transaction for every newly stored alert, so that whatever must
 * follow from it (the webhook outbox) is written in the same transaction or not at all.
 * {@code related} are the alerts an Update or Cancel refers to, as far as they are known.
 */
public record AlertStored(AlertView alert, List<AlertView> related) {
}

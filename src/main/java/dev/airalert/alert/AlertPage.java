package dev.airalert.alert;

import java.util.List;

/** A page of history: {@code next} is the cursor of the following page, or null at the end. */
public record AlertPage(List<AlertView> items, String next) {
}

package dev.airalert.alert;

import java.util.List;

/** The alerts of one request that carried several (an EDXL-DE envelope). */
public record AlertList(List<AlertView> items) {
}

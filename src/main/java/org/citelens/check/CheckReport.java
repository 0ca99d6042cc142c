package org.citelens.check;

import java.util.List;

/**
 * The result of a reference check: every reference in the manuscript's order, unresolved ones included.
 *
 * @param format how the manuscript was read: {@code jats}, {@code tei}, {@code html} or {@code text}
 * @param labelModel the model that labelled the manuscript's statements, or null when none were labelled
 */
public record CheckReport(
        String format,
        int references,
        int resolved,
        int unresolved,
        int withContrasting,
        String labelModel,
        List<CheckedReference> items) {
    public CheckReport {
        items = List.copyOf(items);
    }
}

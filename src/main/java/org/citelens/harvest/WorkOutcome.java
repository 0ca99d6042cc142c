package org.citelens.harvest;

/**
 * The outcome of one citing work.
 *
 * @param reason why it was not read, or where it was read from
 * @param file the full text kept under {@code out/corpus} (relative to {@code out}), or null
 */
public record WorkOutcome(OutcomeKind kind, String reason, String file) {
    static WorkOutcome notRead(OutcomeKind kind, String reason) {
        return new WorkOutcome(kind, reason, null);
    }
}

package org.citelens.classify;

/** Kinds of cue phrase that carry the supporting / contrasting signal beyond plain n-grams. */
public enum Cue {
    /** The citing authors speak of their own results: "we found", "our data", "in this study". */
    OWN,
    /** Agreement: "consistent with", "confirm", "similar to", "corroborate", "replicate". */
    AGREE,
    /** Disagreement: "in contrast", "contrary to", "unlike", "differ", "inconsistent", "failed to". */
    CONTRAST,
    /** Negation that, in front of an agreement cue, turns it into disagreement: "not consistent with". */
    NEGATION,
    /** Hedges: "may", "might", "possibly", "suggest". */
    HEDGE,
    /** Contrast connectives, often about something other than the cited work: "however", "although", "but". */
    CONNECTIVE,
    /** The cited work is presented as earlier literature: "previous studies", "has been reported". */
    PRIOR,
    /** Use of the cited work's method, tool or definition: "as described", "according to", "was performed". */
    USE,
    /** Comparison of magnitudes: "higher than", "lower than", "comparable". */
    COMPARE
}

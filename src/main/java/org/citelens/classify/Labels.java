package org.citelens.classify;

import org.citelens.model.Label;

/** The three labels the model predicts, as array indices (the order of every score vector and matrix). */
public final class Labels {
    public static final int SUPPORTING = 0;
    public static final int CONTRASTING = 1;
    public static final int MENTIONING = 2;
    public static final int COUNT = 3;
    private static final Label[] ORDER = {Label.SUPPORTING, Label.CONTRASTING, Label.MENTIONING};

    private Labels() {}

    public static Label label(int index) {
        return ORDER[index];
    }

    public static int index(Label label) {
        return switch (label) {
            case SUPPORTING -> SUPPORTING;
            case CONTRASTING -> CONTRASTING;
            case MENTIONING -> MENTIONING;
            case UNCLASSIFIED -> throw new IllegalArgumentException("unclassified is not a label the model predicts");
        };
    }
}

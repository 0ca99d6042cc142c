package org.citelens.classify;

import org.citelens.model.Label;

/**
 * One labelled row of a training or evaluation set.
 *
 * @param dataset the set the row comes from (the file's base name: clinical, multicite, athar...)
 * @param split {@code train} or {@code dev}; sets without a dev split get one of their own (see {@link DevSplit})
 * @param citingPaper the group for cross-validation: rows of one paper never straddle folds
 */
public record LabelledStatement(
        String id, String dataset, String split, String citingPaper, ClassifierInput input, Label label) {
    public LabelledStatement {
        if (label == null || label == Label.UNCLASSIFIED) {
            throw new IllegalArgumentException("row " + id + " needs a supporting, contrasting or mentioning label");
        }
    }

    public boolean isDev() {
        return "dev".equals(split);
    }
}

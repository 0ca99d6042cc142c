package org.citelens.classify;

/**
 * A statement without a read label, as a distillation row: the student learns the teacher's scores for it.
 *
 * @param citingPaper the citing article, so statements of held-out articles can be kept out of training
 */
public record UnlabelledStatement(String id, String citingPaper, ClassifierInput input) {}

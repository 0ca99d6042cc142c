package org.citelens.classify;

/** Labels citation statements. Implementations are immutable and thread-safe. */
public interface CitationClassifier {
    Prediction classify(ClassifierInput input);
}

package org.citelens.classify;

/** Where ingest and the CLI get their classifier from. */
public final class Classifiers {
    private Classifiers() {}

    /** The model shipped inside the jar. Until one is trained, every statement stays unclassified. */
    public static CitationClassifier shipped() {
        return input -> Prediction.unclassified();
    }
}

package org.citelens.check;

import java.util.function.Supplier;
import org.citelens.classify.CitationClassifier;

/**
 * Loads a classifier the first time a manuscript with a body needs one: a server that only ever checks reference
 * lists never pays for loading the transformer.
 */
public final class LazyClassifier implements Supplier<CitationClassifier> {
    private final Supplier<CitationClassifier> loader;
    private volatile CitationClassifier loaded;

    public LazyClassifier(Supplier<CitationClassifier> loader) {
        this.loader = loader;
    }

    @Override
    public CitationClassifier get() {
        CitationClassifier c = loaded;
        if (c != null) return c;
        synchronized (this) {
            if (loaded == null) loaded = loader.get();
            return loaded;
        }
    }
}

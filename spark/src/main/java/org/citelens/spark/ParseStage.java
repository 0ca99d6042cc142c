package org.citelens.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import org.citelens.ingest.ArticleSteps;
import org.citelens.model.Article;
import org.citelens.parse.DocumentLimits;

/**
 * Stage 1, on the executors: reads and parses each file of a partition under the per-document limits, with the
 * single-machine ingest's own reader ({@link ArticleSteps}), so a file is skipped for the same reason either way.
 */
final class ParseStage implements FlatMapFunction<Iterator<String>, ParsedFile> {
    private final String corpus;
    private final DocumentLimits limits;
    private final LongAccumulator filesDone;

    ParseStage(String corpus, DocumentLimits limits, LongAccumulator filesDone) {
        this.corpus = corpus;
        this.limits = limits;
        this.filesDone = filesDone;
    }

    @Override
    public Iterator<ParsedFile> call(Iterator<String> paths) {
        List<ParsedFile> out = new ArrayList<>();
        try (ArticleSteps steps = new ArticleSteps(Path.of(corpus), limits, 1)) {
            while (paths.hasNext()) {
                String path = paths.next();
                Article a = steps.read(Path.of(path));
                out.add(new ParsedFile(path, a, steps.drainSkipped()));
                filesDone.add(1);
            }
        }
        return out.iterator();
    }
}

package org.citelens.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.citelens.extract.Extraction;
import org.citelens.index.StatementSink;
import org.citelens.ingest.ArticleSteps;
import org.citelens.ingest.StatementLabeller;
import org.citelens.model.CitationStatement;
import org.citelens.parse.DocumentLimits;
import org.citelens.solr.SolrConnection;
import org.citelens.solr.SolrStatementWriter;

/**
 * Stage 3, on the executors: extracts each kept article's statements with the works the driver resolved, labels
 * them, and writes them to SolrCloud from the executor when the target is a collection (each partition through its
 * own connection and {@link SolrStatementWriter}); for the local index the statements go back to the driver, the
 * index's one writer.
 */
final class LabelStage implements FlatMapFunction<Iterator<ParsedFile>, ArticleOutcome> {
    private final String corpus;
    private final DocumentLimits limits;
    private final Broadcast<ResolvedReferences> resolved;
    private final Broadcast<LazyLabeller> labeller;
    private final SolrDestination solr;
    private final LongAccumulator filesDone;
    private final LongAccumulator statementsDone;

    /** @param solr the collection to write to, or null to hand the statements back to the driver */
    LabelStage(
            String corpus,
            DocumentLimits limits,
            Broadcast<ResolvedReferences> resolved,
            Broadcast<LazyLabeller> labeller,
            SolrDestination solr,
            LongAccumulator filesDone,
            LongAccumulator statementsDone) {
        this.corpus = corpus;
        this.limits = limits;
        this.resolved = resolved;
        this.labeller = labeller;
        this.solr = solr;
        this.filesDone = filesDone;
        this.statementsDone = statementsDone;
    }

    @Override
    public Iterator<ArticleOutcome> call(Iterator<ParsedFile> files) throws IOException {
        StatementLabeller label = new StatementLabeller(labeller.value().classifier());
        List<ArticleOutcome> out = new ArrayList<>();
        try (ArticleSteps steps = new ArticleSteps(Path.of(corpus), limits, 1);
                SolrConnection connection = solr == null ? null : SolrConnection.open(solr.urls(), solr.collection());
                StatementSink sink = connection == null ? null : new SolrStatementWriter(connection)) {
            while (files.hasNext()) {
                ParsedFile f = files.next();
                Extraction x = steps.extract(f.article(), resolved.value().citedWorks(f.path()), Path.of(f.path()));
                if (x == null) {
                    out.add(new ArticleOutcome(f.path(), null, List.of(), 0, 0, 0, steps.drainSkipped()));
                } else {
                    String articleId = f.article().metadata().articleId();
                    List<CitationStatement> labelled = label.label(x.statements());
                    if (sink != null) sink.replaceArticle(articleId, labelled);
                    out.add(new ArticleOutcome(
                            f.path(),
                            articleId,
                            sink == null ? labelled : List.of(),
                            labelled.size(),
                            x.markers(),
                            x.unlinkedMarkers(),
                            List.of()));
                    statementsDone.add(labelled.size());
                }
                filesDone.add(1);
            }
        }
        return out.iterator();
    }
}

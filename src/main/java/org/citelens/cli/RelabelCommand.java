package org.citelens.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.citelens.classify.CitationClassifier;
import org.citelens.relabel.IndexRelabeller;
import org.citelens.relabel.RelabelReport;

/**
 * {@code relabel --index DIR [--model FILE|DIR] [--labeller transformer|fast] [--threads N]}: relabels an existing
 * index in place with another model (the shipped default unless told), article by article, without re-parsing.
 * Resumable: a re-run after a kill relabels only what the killed run had not committed.
 */
public final class RelabelCommand implements Command {
    @Override
    public String name() {
        return "relabel";
    }

    @Override
    public String summary() {
        return "relabel an index in place with the current or another model (--index DIR [--model FILE|DIR] [--threads N])";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("index", "model", "labeller", "threads"));
        Path index = args.requirePath("index");
        if (!Files.isDirectory(index)) throw new UsageException("--index " + index + " is not a folder");
        int threads = args.getInt("threads", Runtime.getRuntime().availableProcessors());
        if (threads < 1 || threads > 256) throw new UsageException("--threads takes 1 to 256, not " + threads);
        CitationClassifier classifier = Labellers.choose(args);
        System.err.printf("relabel: index=%s model=%s threads=%d%n", index, classifier.name(), threads);
        RelabelReport r = new IndexRelabeller(classifier, threads, System.err, System.console() != null).run(index);
        System.err.printf(
                "relabel done: %d articles (%d statements) relabelled by %s in %.1f s, %d articles already were; "
                        + "%d of %d statements in the index are labelled by it%n",
                r.articles(),
                r.statements(),
                r.model(),
                r.millis() / 1000.0,
                r.alreadyLabelled(),
                r.labelledByModel(),
                r.total());
        return r.labelledByModel() == r.total() ? 0 : 1;
    }
}

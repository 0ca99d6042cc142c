package org.citelens.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.citelens.classify.CitationClassifier;
import org.citelens.classify.Classifiers;
import org.citelens.extract.CitationStatementExtractor;
import org.citelens.index.StatementStore;
import org.citelens.index.Tallies;
import org.citelens.ingest.StatementLabeller;
import org.citelens.model.Author;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;
import org.citelens.model.Label;
import org.citelens.model.Reference;
import org.citelens.resolve.ReferenceMatch;
import org.citelens.resolve.WorkRecord;

/**
 * Checks a manuscript's references against an index: each is matched to a work (read-only), given the tallies of
 * how the index's articles cite it, and, when the manuscript has a linked body, the manuscript's own citing
 * sentences with the labels the classifier gives them.
 */
public final class ReferenceChecker {
    private final Function<Reference, ReferenceMatch> matcher;
    private final StatementStore store;
    private final Supplier<CitationClassifier> classifier;
    private final CitationStatementExtractor extractor = new CitationStatementExtractor();

    /**
     * @param matcher the works registry's read-only match ({@code PersistentWorksRegistry::match})
     * @param classifier loaded only when a manuscript has citing sentences to label
     */
    public ReferenceChecker(
            Function<Reference, ReferenceMatch> matcher,
            StatementStore store,
            Supplier<CitationClassifier> classifier) {
        this.matcher = matcher;
        this.store = store;
        this.classifier = classifier;
    }

    /** The checker a server runs: the shipped default labeller, loaded when a first manuscript body needs it. */
    public static ReferenceChecker withDefaultLabeller(
            Function<Reference, ReferenceMatch> matcher, StatementStore store) {
        return new ReferenceChecker(
                matcher, store, new LazyClassifier(() -> Classifiers.named(Classifiers.DEFAULT, 1)));
    }

    public CheckReport check(Manuscript manuscript) throws IOException {
        List<Reference> refs = manuscript.references();
        List<ReferenceMatch> matches = new ArrayList<>(refs.size());
        Set<String> dois = new LinkedHashSet<>();
        for (Reference r : refs) {
            ReferenceMatch m = matcher.apply(r);
            matches.add(m);
            if (m.resolved() && m.work().doi() != null) dois.add(m.work().doi());
        }
        Map<String, Tallies> tallies = dois.isEmpty() ? Map.of() : store.tallies(dois);
        Statements own = statements(manuscript, matches);
        List<CheckedReference> items = new ArrayList<>(refs.size());
        int resolved = 0;
        int withContrasting = 0;
        for (int i = 0; i < refs.size(); i++) {
            Reference r = refs.get(i);
            ReferenceMatch m = matches.get(i);
            WorkRecord w = m.work();
            if (m.resolved()) resolved++;
            Tallies t = w == null || w.doi() == null ? null : tallies.get(w.doi());
            if (t != null && t.contrasting() > 0) withContrasting++;
            items.add(new CheckedReference(
                    i + 1,
                    r.rawText() != null && !r.rawText().isBlank() ? r.rawText() : describe(r),
                    new CheckedReference.Parsed(
                            r.authors().stream().map(Author::surname).toList(),
                            r.year(),
                            r.title(),
                            r.source(),
                            r.doi() != null ? r.doi() : m.doi()),
                    m.resolved() ? "resolved" : "unresolved",
                    w == null
                            ? null
                            : new CheckedReference.Work(
                                    w.workId(), w.doi(), w.title(), w.year(), w.firstAuthor(), w.journal()),
                    Math.round(m.confidence() * 1000) / 1000.0,
                    m.route(),
                    t,
                    own.byRef().getOrDefault(r.id(), List.of())));
        }
        return new CheckReport(
                manuscript.format(),
                refs.size(),
                resolved,
                refs.size() - resolved,
                withContrasting,
                own.model(),
                items);
    }

    private record Statements(Map<String, List<CheckedReference.ManuscriptStatement>> byRef, String model) {}

    /** The manuscript's own citing sentences, labelled, by reference id; none for plain text. */
    private Statements statements(Manuscript manuscript, List<ReferenceMatch> matches) {
        if (manuscript.article() == null) return new Statements(Map.of(), null);
        Map<String, CitedWork> cited = new HashMap<>();
        List<Reference> refs = manuscript.references();
        for (int i = 0; i < refs.size(); i++) {
            Reference r = refs.get(i);
            WorkRecord w = matches.get(i).work();
            cited.put(
                    r.id(),
                    w != null
                            ? new CitedWork(w.workId(), w.doi(), w.title(), w.year(), w.firstAuthor(), w.journal())
                            : new CitedWork("ref:" + r.id(), r.doi(), r.title(), r.year(), null, r.source()));
        }
        List<CitationStatement> found = extractor
                .extract(manuscript.article(), r -> cited.get(r.id()))
                .statements();
        if (found.isEmpty()) return new Statements(Map.of(), null);
        CitationClassifier c = classifier.get();
        List<CitationStatement> labelled = new StatementLabeller(c).label(found);
        Map<String, List<CheckedReference.ManuscriptStatement>> byRef = new HashMap<>();
        for (CitationStatement s : labelled) {
            byRef.computeIfAbsent(s.refId(), k -> new ArrayList<>())
                    .add(new CheckedReference.ManuscriptStatement(
                            s.sentence(),
                            s.section() == null ? null : s.section().name().toLowerCase(java.util.Locale.ROOT),
                            s.label() == null ? Label.UNCLASSIFIED.wireName() : s.label().wireName(),
                            Math.round(s.confidence() * 1000) / 1000.0));
        }
        return new Statements(byRef, c.name());
    }

    private static String describe(Reference r) {
        StringBuilder b = new StringBuilder();
        if (!r.authors().isEmpty()) b.append(r.authors().get(0).surname()).append(r.authors().size() > 1 ? " et al. " : " ");
        if (r.year() != null) b.append('(').append(r.year()).append(") ");
        if (r.title() != null) b.append(r.title()).append(". ");
        if (r.source() != null) b.append(r.source());
        if (r.doi() != null) b.append(" doi:").append(r.doi());
        return b.toString().strip();
    }
}

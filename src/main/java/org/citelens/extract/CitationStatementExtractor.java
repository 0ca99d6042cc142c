package org.citelens.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.citelens.model.Article;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.CitationMention;
import org.citelens.model.CitationStatement;
import org.citelens.model.CitedWork;
import org.citelens.model.Label;
import org.citelens.model.Paragraph;
import org.citelens.model.Reference;
import org.citelens.model.Section;

/**
 * Turns a parsed article into citation statements: one per (citing article, cited reference, sentence), with the
 * sentences before and after it in the same paragraph. Which work a reference names is handed in (ingest asks the
 * works registry, which has seen the whole corpus), so extraction depends on the model alone. Thread-safe; build
 * one and share it (the sentence model is loaded once).
 */
public final class CitationStatementExtractor {
    private final SentenceSplitter splitter;

    public CitationStatementExtractor() {
        this(new SentenceSplitter());
    }

    public CitationStatementExtractor(SentenceSplitter splitter) {
        this.splitter = splitter;
    }

    /**
     * @param citedWork the work a reference of this article names; asked once per reference that has a statement
     */
    public Extraction extract(Article article, Function<Reference, CitedWork> citedWork) {
        ArticleMetadata citing = article.metadata();
        String articleId = citing.articleId();
        Map<String, Reference> refs = article.referencesById();
        Set<String> citingAuthors = SelfCitations.keys(citing.authors());
        Map<String, CitedWork> resolved = new LinkedHashMap<>();
        List<CitationStatement> statements = new ArrayList<>();
        List<UnlinkedMarker> unlinked = new ArrayList<>();
        int markers = 0;
        int unlinkedMarkers = 0;
        int position = 0;
        for (Section section : article.sections()) {
            for (Paragraph paragraph : section.paragraphs()) {
                String text = paragraph.text();
                List<SentenceSpan> sentences = sentences(paragraph);
                // first marker per (sentence, reference): one statement even when a sentence cites a work twice
                Map<String, StatementDraft> drafts = new LinkedHashMap<>();
                for (CitationMention mention : paragraph.citations()) {
                    markers++;
                    int s = sentenceOf(sentences, mention.start());
                    String sentence = sentenceText(text, sentences, s);
                    boolean dangling = mention.refIds().isEmpty();
                    if (dangling) unlinked.add(new UnlinkedMarker(mention.marker(), "", sentence));
                    for (String refId : mention.refIds()) {
                        if (!refs.containsKey(refId)) {
                            unlinked.add(new UnlinkedMarker(mention.marker(), refId, sentence));
                            dangling = true;
                        } else if (s >= 0) {
                            drafts.putIfAbsent(s + "\u0000" + refId, new StatementDraft(s, refId, mention.marker()));
                        }
                    }
                    if (dangling) unlinkedMarkers++;
                }
                for (StatementDraft d : drafts.values()) {
                    Reference ref = refs.get(d.refId);
                    CitedWork cited = resolved.computeIfAbsent(d.refId, id -> citedWork.apply(ref));
                    int sentencePosition = position + d.sentence;
                    statements.add(new CitationStatement(
                            StatementIds.of(articleId, d.refId, sentencePosition),
                            citing,
                            cited,
                            d.refId,
                            d.marker,
                            sentenceText(text, sentences, d.sentence - 1),
                            sentenceText(text, sentences, d.sentence),
                            sentenceText(text, sentences, d.sentence + 1),
                            section.type(),
                            sentencePosition,
                            Label.UNCLASSIFIED,
                            0.0,
                            SelfCitations.shareAuthor(citingAuthors, ref.authors())));
                }
                position += sentences.size();
            }
        }
        return new Extraction(statements, markers, unlinkedMarkers, unlinked);
    }

    private List<SentenceSpan> sentences(Paragraph paragraph) {
        if (paragraph.sentenceStarts().isEmpty()) return splitter.split(paragraph.text(), paragraph.citations());
        return SourceSentences.spans(paragraph.text(), paragraph.sentenceStarts());
    }

    /** Index of the sentence holding this offset; a marker in the space between two sentences joins the earlier. */
    private static int sentenceOf(List<SentenceSpan> sentences, int offset) {
        for (int i = sentences.size() - 1; i >= 0; i--) {
            if (sentences.get(i).start() <= offset) return i;
        }
        return sentences.isEmpty() ? -1 : 0;
    }

    private static String sentenceText(String text, List<SentenceSpan> sentences, int i) {
        if (i < 0 || i >= sentences.size()) return "";
        SentenceSpan s = sentences.get(i);
        return text.substring(s.start(), s.end());
    }

    private record StatementDraft(int sentence, String refId, String marker) {}
}

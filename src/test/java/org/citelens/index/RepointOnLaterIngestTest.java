package org.citelens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.citelens.cli.Args;
import org.citelens.cli.IngestCommand;
import org.citelens.model.CitationStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A work first cited without a DOI is indexed under a key; when a later ingest into the same index brings a
 * reference that gives its DOI, the statements of the first ingest join the DOI's tallies.
 */
class RepointOnLaterIngestTest {
    private static final String LIVAK = "10.1006/meth.2001.1262";

    private static String jats(String doi, String pubId) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"><front><journal-meta>
            <journal-title-group><journal-title>Test Journal</journal-title></journal-title-group></journal-meta>
            <article-meta><article-id pub-id-type="doi">%s</article-id><title-group><article-title>Expression of
            genes in rice under drought</article-title></title-group><contrib-group><contrib contrib-type="author"><name>
            <surname>Kumar</surname><given-names>A</given-names></name></contrib></contrib-group><pub-date pub-type="epub">
            <year>2018</year></pub-date></article-meta></front><body><sec><title>Methods</title><p>Relative expression
            was calculated with the comparative method (<xref ref-type="bibr" rid="R1">Livak and Schmittgen, 2001</xref>).
            Three replicates were used.</p></sec></body><back><ref-list><ref id="R1"><mixed-citation publication-type="journal">
            <person-group person-group-type="author"><name><surname>Livak</surname><given-names>KJ</given-names></name>
            <name><surname>Schmittgen</surname><given-names>TD</given-names></name></person-group> (<year>2001</year>).
            <article-title>Analysis of relative gene expression data using real-time quantitative PCR and the
            2(-Delta Delta C(T)) method</article-title>. <source>Methods</source> <volume>25</volume>: <fpage>402</fpage>.%s
            </mixed-citation></ref></ref-list></back></article>
            """.formatted(doi, pubId);
    }

    @Test
    void aKeyThatLearnsItsDoiLaterBringsItsEarlierStatementsAlong(@TempDir Path tmp) throws Exception {
        Path first = Files.createDirectories(tmp.resolve("first"));
        Path second = Files.createDirectories(tmp.resolve("second"));
        Path index = tmp.resolve("index");
        Files.writeString(first.resolve("a.xml"), jats("10.9999/first", ""));
        Files.writeString(
                second.resolve("b.xml"), jats("10.9999/second", " <pub-id pub-id-type=\"doi\">" + LIVAK + "</pub-id>"));

        assertEquals(0, ingest(first, index));
        try (LuceneStatementStore store = LuceneStatementStore.open(index)) {
            assertEquals(1, store.statementCount());
            assertTrue(store.tallies(LIVAK).isEmpty(), "no DOI known yet");
        }

        assertEquals(0, ingest(second, index));
        try (LuceneStatementStore store = LuceneStatementStore.open(index)) {
            Tallies t = store.tallies(LIVAK).orElseThrow();
            assertEquals(2, t.total());
            assertEquals(2, t.citingPublications());
            List<CitationStatement> all = new ArrayList<>();
            store.forEach(StatementQuery.all(10), all::add);
            assertEquals(2, all.size());
            for (CitationStatement s : all)
                assertEquals("doi:" + LIVAK, s.cited().workId(), s.citing().doi());
        }
    }

    private static int ingest(Path corpus, Path index) throws Exception {
        return new IngestCommand().run(new Args(List.of("--corpus", corpus.toString(), "--index", index.toString())));
    }
}

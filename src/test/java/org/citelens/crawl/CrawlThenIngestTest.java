package org.citelens.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.citelens.classify.Classifiers;
import org.citelens.ingest.CorpusIngest;
import org.citelens.ingest.IngestOptions;
import org.citelens.ingest.IngestReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest --corpus DIR} takes a crawl's output as it is: every stored article, none of the crawler's files. */
class CrawlThenIngestTest {

    @Test
    void ingestReadsExactlyTheStoredArticles(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("crawl");
        CrawlSummary crawl;
        try (TestSite site = new TestSite(false)) {
            crawl = CrawlerTest.crawl(
                    CrawlerTest.testSettings(), List.of(site.url("/index.html")), out, new ByteArrayOutputStream());
        }
        assertEquals(6, crawl.stored(), "PLOS, Hindawi and landing HTML, two JATS, one TEI");
        assertEquals(6, new CrawlResults(out).store().size());

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        IngestReport report;
        try (PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            report = new CorpusIngest(
                            IngestOptions.defaults(out, tmp.resolve("index")), Classifiers.shipped(), ps, false)
                    .run();
        }
        assertEquals(crawl.stored(), report.files(), "ingest sees the stored articles and nothing else");
        assertEquals(report.files(), report.articles() + report.skipped().size());
        assertTrue(
                report.skipped().stream().noneMatch(s -> s.pass().equals("read")),
                "no unreadable or partial file: " + report.skipped());
        assertTrue(
                report.articles() >= 2 && report.statements() > 0,
                "at least the two JATS articles give statements: " + report);
    }
}

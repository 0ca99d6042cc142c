package org.citelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlCommandTest {

    @Test
    void wrongCommandLinesAreUsageErrors(@TempDir Path tmp) {
        String out = tmp.resolve("out").toString();
        assertEquals(2, Main.run(new String[] {"crawl", "--out", out}), "no seed");
        assertEquals(2, Main.run(new String[] {"crawl", "--seed", "http://example.org/"}), "no out");
        assertEquals(
                2,
                Main.run(new String[] {"crawl", "--seed", "http://example.org/", "--out", out, "--max-pages", "ten"}));
        assertEquals(
                2, Main.run(new String[] {"crawl", "--seed", "http://example.org/", "--out", out, "--bogus", "1"}));
        assertEquals(2, Main.run(new String[] {
            "crawl", "--seed", "http://example.org/", "--out", out, "--user-agent", "Bad Bot!"
        }));
        assertEquals(
                2, Main.run(new String[] {"crawl", "--seed", "http://example.org/", "--out", out, "--allow", "re:("}));
        assertEquals(2, Main.run(new String[] {"crawl", "--seed", "gopher://example.org/", "--out", out}));
        assertEquals(
                2,
                Main.run(new String[] {"crawl", "--seed", tmp.resolve("missing").toString(), "--out", out}));
        assertEquals(
                2,
                Main.run(
                        new String[] {"crawl", "--seed", "http://example.org/", "--out", out, "--robots-sitemaps", "yes"
                        }),
                "a switch takes no value");
        assertEquals(0, Main.run(new String[] {"crawl", "--help"}));
    }

    @Test
    void crawlsAFileSeedIntoAStoreThatIngestCanRead(@TempDir Path tmp) throws Exception {
        Path corpus = RepositoryFiles.corpus();
        Path jats = corpus.resolve("millet/PMC6267058.xml");
        Path out = tmp.resolve("out");
        assertEquals(
                0,
                Main.run(new String[] {
                    "crawl",
                    "--seed",
                    jats.toUri().toString(),
                    "--out",
                    out.toString(),
                    "--threads",
                    "1",
                    "--robots-sitemaps"
                }),
                "a file seed has no robots.txt: the switch changes nothing");
        try (Stream<Path> files = Files.walk(out.resolve("store"))) {
            var stored = files.filter(Files::isRegularFile).toList();
            assertEquals(1, stored.size());
            assertTrue(stored.get(0).getFileName().toString().endsWith(".xml"));
            assertEquals(Files.mismatch(jats, stored.get(0)), -1L);
        }
    }
}

package org.citelens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.citelens.parse.DocumentLimits;
import org.citelens.parse.RejectedDocumentException;
import org.citelens.parse.RejectedDocumentException.Kind;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-document limits at the file boundary: size before reading, time while parsing. */
class ArticleFileReaderTest {
    @TempDir
    Path tmp;

    private static Path largestCorpusArticle() {
        return RepositoryFiles.corpus().resolve("rice").resolve("PMC6305313.xml");
    }

    @Test
    void aFileOverTheByteLimitIsRefusedByItsSizeUnread() throws Exception {
        Path big = tmp.resolve("big.xml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024); // sparse: were it read, it would be 200 MB of NULs
        }
        try (ArticleFileReader reader = new ArticleFileReader(DocumentLimits.DEFAULTS, 1)) {
            RejectedDocumentException e =
                    assertThrows(RejectedDocumentException.class, () -> reader.read(big, "big.xml"));
            assertEquals(Kind.TOO_LARGE, e.kind());
            assertTrue(e.getMessage().contains("209715200"), e.getMessage());
        }
    }

    @Test
    void parsingOverTheTimeLimitIsAbandonedWithTheReason() throws Exception {
        Path article = largestCorpusArticle();
        assertTrue(Files.size(article) > 300_000);
        try (ArticleFileReader reader = new ArticleFileReader(DocumentLimits.DEFAULTS.withMaxMillis(1), 1)) {
            RejectedDocumentException e =
                    assertThrows(RejectedDocumentException.class, () -> reader.read(article, "rice/PMC6305313.xml"));
            assertEquals(Kind.TIME_LIMIT, e.kind());
            assertTrue(e.getMessage().contains("1 ms"), e.getMessage());
        }
        try (ArticleFileReader reader = new ArticleFileReader(DocumentLimits.DEFAULTS, 1)) {
            assertEquals(
                    Path.of("rice/PMC6305313.xml").toString(),
                    reader.read(article, "rice/PMC6305313.xml").metadata().source());
        }
    }
}

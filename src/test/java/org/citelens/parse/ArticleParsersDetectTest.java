package org.citelens.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.citelens.model.SourceFormat;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

/** Format detection decides from the content; names only break ties; nothing makes it throw. */
class ArticleParsersDetectTest {
    private final ArticleParsers parsers = new ArticleParsers();

    private static List<Path> files(Path dir, String suffix) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyCorpusFileIsRecognisedFromItsContentEvenUnderAWrongName() throws Exception {
        List<Path> jats = files(RepositoryFiles.corpus(), ".xml").subList(0, 40);
        for (Path p : jats) {
            byte[] b = Files.readAllBytes(p);
            assertEquals(SourceFormat.JATS, parsers.detect(b, p.toString()), p.toString());
            assertEquals(SourceFormat.JATS, parsers.detect(b, "misnamed.html"), p.toString());
        }
        for (Path p : files(RepositoryFiles.grobidTei(), ".xml")) {
            byte[] b = Files.readAllBytes(p);
            assertEquals(SourceFormat.TEI, parsers.detect(b, p.toString()));
            assertEquals(SourceFormat.TEI, parsers.detect(b, "article.html"));
        }
        for (Path p : files(RepositoryFiles.publisherHtml(), ".html")) {
            byte[] b = Files.readAllBytes(p);
            assertEquals(SourceFormat.HTML, parsers.detect(b, p.toString()), p.toString());
            assertEquals(SourceFormat.HTML, parsers.detect(b, "article.xml"), p.toString());
        }
    }

    @Test
    void prologsBomsAndFragmentsAreHandled() {
        assertEquals(
                SourceFormat.TEI,
                detect(
                        "\uFEFF<?xml version=\"1.0\"?>\n<!-- grobid -->\n<tei:TEI xmlns:tei=\"http://www.tei-c.org/ns/1.0\"/>",
                        "x"));
        assertEquals(
                SourceFormat.JATS,
                detect("<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96)//EN\" \"x.dtd\"><article/>", "x"));
        assertEquals(SourceFormat.HTML, detect("<!doctype html><title>x</title>", "x.xml"));
        assertEquals(SourceFormat.HTML, detect("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", "x.xml"));
        assertEquals(SourceFormat.HTML, detect("<div><p>fragment</p></div>", "page.htm"));
        assertEquals(SourceFormat.UNKNOWN, detect("<div><p>fragment</p></div>", "notes.txt"));
        assertEquals(SourceFormat.UNKNOWN, detect("just words", "x.html"));
        assertEquals(SourceFormat.JATS, detect("<article><front><article-meta/></front></article>", "x"));
        assertEquals(SourceFormat.HTML, detect("<article><p>an HTML5 fragment</p></article>", "x"));
    }

    @Test
    void neverThrowsOnEmptyBinaryOrNullInput() {
        assertEquals(SourceFormat.UNKNOWN, parsers.detect(new byte[0], "a.xml"));
        assertEquals(SourceFormat.UNKNOWN, parsers.detect(null, null));
        Random r = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            parsers.detect(b, i % 2 == 0 ? "x.xml" : null);
        }
        assertEquals(SourceFormat.UNKNOWN, parsers.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, "image.html"));
    }

    private SourceFormat detect(String s, String name) {
        return parsers.detect(s.getBytes(StandardCharsets.UTF_8), name);
    }
}

package org.citelens.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.citelens.model.SourceFormat;
import org.citelens.parse.RejectedDocumentException.Kind;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

/** The gate before the parsers: every real article passes unchanged, each kind of hostile input is refused. */
class DocumentGuardTest {
    private final DocumentGuard guard = new DocumentGuard(new ArticleParsers());
    private final DocumentLimits limits = DocumentLimits.DEFAULTS;

    static List<Path> realFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        Path corpus = RepositoryFiles.corpus();
        for (Path dir : List.of(corpus, RepositoryFiles.publisherHtml(), RepositoryFiles.grobidTei())) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().matches(".*\\.(xml|html)$")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void everyRealArticleOfEveryFormatPassesUnchanged() throws Exception {
        List<Path> files = realFiles();
        assertTrue(files.size() >= 312, "the bundled corpus at least: " + files.size());
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            DocumentGuard.Admitted a = guard.admit(bytes, f.getFileName().toString(), limits);
            assertArrayEquals(bytes, a.content(), f.toString());
        }
    }

    private Kind refused(String doc, String name) {
        return refused(doc.getBytes(StandardCharsets.UTF_8), name);
    }

    private Kind refused(byte[] doc, String name) {
        return assertThrows(RejectedDocumentException.class, () -> guard.admit(doc, name, limits))
                .kind();
    }

    @Test
    void entityDeclarationsAreRefusedWhateverTheyPointAt() {
        String head = "<?xml version=\"1.0\"?><!DOCTYPE article [";
        String body = "]><article><front><article-meta/></front><body><p>&x;</p></body></article>";
        assertEquals(
                Kind.ENTITY_DECLARATION, refused(head + "<!ENTITY x SYSTEM \"file:///etc/passwd\">" + body, "a.xml"));
        assertEquals(
                Kind.ENTITY_DECLARATION, refused(head + "<!ENTITY x SYSTEM \"http://127.0.0.1:9/x\">" + body, "a.xml"));
        assertEquals(
                Kind.ENTITY_DECLARATION,
                refused(head + "<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p\"> %p;" + body, "a.xml"));
        assertEquals(
                Kind.ENTITY_DECLARATION,
                refused(head + "<!-- c --><!ENTITY a \"aaaa\"><!ENTITY x \"&a;&a;\">" + body, "a.xml"));
    }

    @Test
    void anExternalDtdIsAllowedBecauseNothingLoadsIt() throws Exception {
        String doc = "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS//EN\" \"http://127.0.0.1:9/evil.dtd\">"
                + "<article><front><article-meta/></front></article>";
        assertEquals(
                SourceFormat.JATS,
                guard.admit(doc.getBytes(StandardCharsets.UTF_8), "a.xml", limits)
                        .format());
    }

    @Test
    void brokenXmlStructureIsRefusedWithWhereAndWhat() {
        String ok = "<article><front><article-meta/></front><body><sec><p>x</p></sec></body></article>";
        RejectedDocumentException e = assertThrows(
                RejectedDocumentException.class,
                () -> guard.admit(
                        ok.substring(0, ok.indexOf("</sec>")).getBytes(StandardCharsets.UTF_8), "a.xml", limits));
        assertEquals(Kind.MALFORMED_XML, e.kind());
        assertTrue(e.getMessage().contains("still open"), e.getMessage());
        assertEquals(Kind.MALFORMED_XML, refused(ok.replace("</sec>", "</sed>"), "a.xml"));
        assertEquals(Kind.MALFORMED_XML, refused(ok.replace("<p>x", "<p a=\"x>x"), "a.xml"));
    }

    @Test
    void depthElementsEncodingAndBinaryLimits() {
        String deep = "<article><front/><body>" + "<sec>".repeat(600) + "</sec>".repeat(600) + "</body></article>";
        assertEquals(Kind.TOO_DEEP, refused(deep, "a.xml"));
        DocumentLimits few = new DocumentLimits(limits.maxBytes(), 100, 512, 1000);
        String links = "<html><body>" + "<a href=\"#r1\">1</a>".repeat(101) + "</body></html>";
        assertEquals(
                Kind.TOO_MANY_ELEMENTS,
                assertThrows(
                                RejectedDocumentException.class,
                                () -> guard.admit(links.getBytes(StandardCharsets.UTF_8), "a.html", few))
                        .kind());
        byte[] latin1 =
                "<article><front/><body><p>caf\u00e9</p></body></article>".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(Kind.ENCODING, refused(latin1, "a.xml"));
        byte[] nul = "<article><front/><body><p>a\0b</p></body></article>".getBytes(StandardCharsets.UTF_8);
        assertEquals(Kind.BINARY, refused(nul, "a.xml"));
        assertEquals(Kind.EMPTY, refused(new byte[0], "a.xml"));
        assertEquals(
                Kind.TOO_LARGE,
                assertThrows(
                                RejectedDocumentException.class,
                                () -> guard.admit(new byte[2000], "a.xml", limits.withMaxBytes(1000)))
                        .kind());
    }

    @Test
    void utf16IsReencodedAndLatin1DeclaredAsSuchIsKept() throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><article><front><article-meta/></front>"
                + "<body><p>caf\u00e9 \u2013 \u00b5m</p></body></article>";
        byte[] utf16 = doc.getBytes(StandardCharsets.UTF_16); // with a byte-order mark
        DocumentGuard.Admitted a = guard.admit(utf16, "a.xml", limits);
        assertEquals(SourceFormat.JATS, a.format());
        assertTrue(new String(a.content(), StandardCharsets.UTF_8).contains("caf\u00e9 \u2013 \u00b5m"));
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><article><front/><body><p>caf\u00e9</p>"
                        + "</body></article>")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(latin1, guard.admit(latin1, "a.xml", limits).content());
    }

    @Test
    void utf8Validation() {
        assertEquals(
                -1, TextEncoding.firstInvalidUtf8("a\u00e9\u2013\uD83D\uDE00".getBytes(StandardCharsets.UTF_8), 0));
        assertEquals(1, TextEncoding.firstInvalidUtf8(new byte[] {'a', (byte) 0xC3, '('}, 0));
        assertEquals(0, TextEncoding.firstInvalidUtf8(new byte[] {(byte) 0xC0, (byte) 0x80}, 0)); // overlong
        assertEquals(
                0, TextEncoding.firstInvalidUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0)); // surrogate
        assertEquals(1, TextEncoding.firstInvalidUtf8(new byte[] {'a', (byte) 0xE2, (byte) 0x80}, 0)); // cut off
    }
}

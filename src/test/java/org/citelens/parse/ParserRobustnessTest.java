package org.citelens.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.citelens.model.Article;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

/** Bad input never escapes as anything but MalformedArticleException, and odd-but-valid pages still parse. */
class ParserRobustnessTest {
    private final ArticleParsers parsers = new ArticleParsers();
    private final List<ArticleParser> each = List.of(new HtmlParser(), new TeiParser());

    private void onlyMalformedOrArticle(ArticleParser parser, byte[] content, String name) {
        try {
            parser.parse(content, name);
        } catch (MalformedArticleException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        } catch (Throwable t) {
            fail(parser.format() + " threw " + t + " on " + name);
        }
    }

    @Test
    void emptyBlankAndBinaryInputGetAClearReason() {
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        for (ArticleParser p : each) {
            assertEquals(
                    "empty file",
                    assertThrows(MalformedArticleException.class, () -> p.parse(new byte[0], "x"))
                            .getMessage());
            assertThrows(MalformedArticleException.class, () -> p.parse("  \n ".getBytes(), "x"));
            assertTrue(assertThrows(MalformedArticleException.class, () -> p.parse(binary, "x.html"))
                    .getMessage()
                    .contains("binary"));
        }
        assertThrows(MalformedArticleException.class, () -> parsers.parse(binary, "x.xml"));
    }

    @Test
    void truncatedRealFilesNeverThrowAnythingElse() throws Exception {
        Path html = RepositoryFiles.publisherHtml().resolve("plosone__journal.pone.0115884.html");
        Path tei = RepositoryFiles.grobidTei().resolve("s2orc-doc2json/N18-3011.tei.xml");
        Random random = new Random(42);
        for (Path file : List.of(html, tei)) {
            byte[] all = Files.readAllBytes(file);
            for (int i = 0; i < 12; i++) {
                int cut = random.nextInt(all.length);
                byte[] part = java.util.Arrays.copyOf(all, cut);
                if (i % 3 == 0 && cut > 10) part[cut / 2] = (byte) 0xC3; // a broken UTF-8 sequence mid-file
                for (ArticleParser p : each)
                    onlyMalformedOrArticle(p, part, file.getFileName().toString());
            }
        }
    }

    @Test
    void deeplyNestedMarkupDoesNotOverflowTheStack() {
        String open = "<div>".repeat(100_000);
        String html = "<html><head><meta name=\"citation_title\" content=\"Deep\"></head><body>" + open
                + "text</body></html>";
        for (ArticleParser p : each) onlyMalformedOrArticle(p, html.getBytes(StandardCharsets.UTF_8), "deep");
        String tei = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body>" + "<div>".repeat(100_000)
                + "</body></text></TEI>";
        onlyMalformedOrArticle(new TeiParser(), tei.getBytes(StandardCharsets.UTF_8), "deep.tei.xml");
    }

    @Test
    void aPageWithTwoHundredThousandCitationLinksIsRead() throws Exception {
        StringBuilder sb = new StringBuilder(8_000_000);
        sb.append("<html><head><meta name=\"citation_title\" content=\"Links\"></head><body><div id=\"main\"><p>Text ");
        for (int i = 0; i < 200_000; i++)
            sb.append("<a href=\"#B")
                    .append(i % 50 + 1)
                    .append("\">")
                    .append(i % 50 + 1)
                    .append("</a> ");
        sb.append("</p></div><ol>");
        for (int i = 1; i <= 50; i++)
            sb.append("<li id=\"B")
                    .append(i)
                    .append("\">Author A, Other B (2001) A title of reference ")
                    .append(i)
                    .append(". J Test 1: 1-2.</li>");
        sb.append("</ol></body></html>");
        Article a = new HtmlParser().parse(sb.toString().getBytes(StandardCharsets.UTF_8), "links.html");
        assertEquals(50, a.references().size());
        long mentions = a.sections().stream()
                .flatMap(s -> s.paragraphs().stream())
                .mapToLong(p -> p.citations().size())
                .sum();
        assertEquals(200_000, mentions);
    }

    @Test
    void aPageWithMetadataButNoBodyIsAnArticleWithoutStatementsAndOneWithNothingIsRejected() throws Exception {
        String metaOnly =
                "<html><head><meta name=\"citation_doi\" content=\"doi:10.1234/ABC.5\"><meta name=\"citation_title\" "
                        + "content=\"Only metadata\"></head><body><nav>menu</nav></body></html>";
        Article a = new HtmlParser().parse(metaOnly.getBytes(StandardCharsets.UTF_8), "meta.html");
        assertEquals("10.1234/abc.5", a.metadata().doi());
        assertEquals(0, a.references().size());
        String nothing =
                "<html><head><title>Shop</title></head><body><p>Buy our shoes today, they are very comfortable.</p></body></html>";
        var e = assertThrows(
                MalformedArticleException.class, () -> new HtmlParser().parse(nothing.getBytes(), "shop.html"));
        assertTrue(e.getMessage().contains("not an article page"));
    }
}

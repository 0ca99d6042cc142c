package org.citelens.parse.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.citelens.model.Author;
import org.citelens.testdata.RepositoryFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Authors from schema.org JSON-LD when a page has no citation_author tags. None of the bundled pages (2014-2016)
 * carries JSON-LD, so a real page without author meta tags gets the block publishers write today.
 */
class JsonLdAuthorsTest {
    private static Document page(String file) throws Exception {
        return Jsoup.parse(Files.readString(RepositoryFiles.publisherHtml().resolve(file), StandardCharsets.UTF_8));
    }

    @Test
    void readsPersonsWithFamilyNamesPlainNamesAndStringsFromAGraph() throws Exception {
        Document doc = page("apa__arc0000029.html");
        doc.head().append("""
                <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "name": "Hindawi"},
                  {"@type": "ScholarlyArticle", "headline": "A study", "author": [
                    {"@type": "Person", "familyName": "van der Berg", "givenName": "Anna"},
                    {"@type": "Person", "name": "Kenneth J. Livak"},
                    "Schmittgen, Thomas D.",
                    {"@type": "Organization", "name": "The Rice Consortium"}]}]}
                </script>""");
        HtmlMetadataReader.Result r = new HtmlMetadataReader().read(doc, "apa__arc0000029.html");
        assertEquals(
                List.of(
                        new Author("van der Berg", "Anna"),
                        new Author("Livak", "Kenneth J."),
                        new Author("Schmittgen", "Thomas D.")),
                r.metadata().authors());
    }

    @Test
    void metaTagsComeFirstAndBrokenJsonLdIsPassedOver() throws Exception {
        Document doc = page("plosone__journal.pone.0115884.html");
        List<Author> fromMeta =
                new HtmlMetadataReader().read(doc, "p").metadata().authors();
        doc.head()
                .append(
                        "<script type=\"application/ld+json\">{\"@type\": \"Article\", \"author\": [</script>"
                                + "<script type=\"application/ld+json\">{\"@type\": \"Article\", \"author\": \"Someone Else\"}</script>");
        assertEquals(3, fromMeta.size(), "the page's three citation_author tags");
        assertEquals(
                fromMeta, new HtmlMetadataReader().read(doc, "p").metadata().authors());
        Document bare = page("apa__arc0000029.html");
        bare.head().append("<script type=\"application/ld+json\">{\"@type\": \"Article\", \"author\": [</script>");
        assertEquals(
                List.of(), new HtmlMetadataReader().read(bare, "a").metadata().authors());
    }
}

package org.citelens.parse.jats;

import java.util.ArrayList;
import java.util.List;
import org.citelens.model.Article;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Reference;
import org.citelens.model.Section;
import org.citelens.model.SourceFormat;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads a parsed JATS document (root {@code article}) into the article model. */
public final class JatsDocument {
    private final ReferenceReader referenceReader = new ReferenceReader();
    private final MetadataReader metadataReader = new MetadataReader();

    /** @throws IllegalArgumentException when the document has no {@code article} element */
    public Article read(Document doc, String source) {
        Element article = doc.selectFirst("article");
        if (article == null) throw new IllegalArgumentException("no <article> element");
        ArticleMetadata metadata = metadataReader.read(article, source);
        List<Reference> references = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Element back = article.selectFirst("> back");
        for (Element ref : (back != null ? back : article).select("ref-list ref")) {
            Reference r = referenceReader.read(ref);
            if (r == null) continue;
            references.add(r);
            Element label = ref.selectFirst("> label");
            labels.add(label == null ? null : JatsText.of(label));
        }
        BodyReader body = new BodyReader(new ReferenceIndex(references, labels));
        List<Section> sections = body.read(article.selectFirst("> body"), article.selectFirst("> floats-group"));
        return new Article(SourceFormat.JATS, metadata, references, sections);
    }
}

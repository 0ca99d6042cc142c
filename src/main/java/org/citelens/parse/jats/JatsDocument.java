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
    private final NoticeReader noticeReader = new NoticeReader();

    /** @throws IllegalArgumentException when the document has no {@code article} element */
    public Article read(Document doc, String source) {
        // the root in every JATS file; a search through the whole tree only for wrapped documents
        Element article = Dom.child(doc, "article");
        if (article == null) article = doc.getElementsByTag("article").first();
        if (article == null) throw new IllegalArgumentException("no <article> element");
        ArticleMetadata metadata = metadataReader.read(article, source);
        List<Reference> references = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Element back = Dom.child(article, "back");
        for (Element ref : Dom.all(back != null ? back : article, "ref")) {
            Reference r = referenceReader.read(ref);
            if (r == null) continue;
            references.add(r);
            Element label = Dom.child(ref, "label");
            labels.add(label == null ? null : JatsText.of(label));
        }
        BodyReader body = new BodyReader(new ReferenceIndex(references, labels));
        List<Section> sections = body.read(Dom.child(article, "body"), Dom.child(article, "floats-group"));
        return new Article(
                SourceFormat.JATS, metadata, references, sections, noticeReader.read(article, metadata));
    }
}

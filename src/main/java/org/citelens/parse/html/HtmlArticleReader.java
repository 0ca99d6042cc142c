package org.citelens.parse.html;

import java.util.List;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Reference;
import org.citelens.model.Section;
import org.citelens.parse.MentionRanges;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Runs the steps of reading one parsed HTML page, in the order they depend on each other. */
public final class HtmlArticleReader {

    /** What a page yields; {@code metadataFromTags} says whether the metadata came from article meta tags. */
    public record Result(
            ArticleMetadata metadata, boolean metadataFromTags, List<Reference> references, List<Section> sections) {}

    public Result read(Document doc, String source) {
        HtmlMetadataReader.Result meta = new HtmlMetadataReader().read(doc, source);
        List<Reference> metaRefs = MetaReferenceReader.read(new MetaTags(doc));
        PageChrome.stripNonText(doc);
        ReferenceList found = new ReferenceListFinder().find(doc);
        PageChrome.stripChrome(doc, found.entries());
        ReferenceList refs = found.withReferences(ReferenceMerger.merge(found.references(), metaRefs));
        Element container = new BodyLocator().locate(doc, refs);
        List<Section> sections =
                container == null ? List.of() : new BodyWalker().walk(container, refs, markerFinder(refs));
        return new Result(meta.metadata(), meta.fromMetaTags(), refs.references(), sections);
    }

    /** Pages with citation anchors are read from the anchors alone; the others from the text. */
    private static BodyWalker.MarkerFinder markerFinder(ReferenceList refs) {
        if (!refs.anchors().isEmpty()) {
            MentionRanges anchors = new MentionRanges(refs.references(), refs.positions());
            return (text, placed, sups) -> anchors.resolve(text, placed);
        }
        TextMarkerFinder text = new TextMarkerFinder(refs.references());
        return (t, placed, sups) -> text.find(t, sups);
    }
}

package org.citelens.parse.tei;

import static org.citelens.parse.tei.TeiElements.child;
import static org.citelens.parse.tei.TeiElements.descendants;
import static org.citelens.parse.tei.TeiElements.first;
import static org.citelens.parse.tei.TeiElements.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.citelens.model.Article;
import org.citelens.model.ArticleMetadata;
import org.citelens.model.Author;
import org.citelens.model.Doi;
import org.citelens.model.Reference;
import org.citelens.model.Section;
import org.citelens.model.SourceFormat;
import org.citelens.parse.MentionRanges;
import org.jsoup.nodes.Element;

/** Reads a TEI root element (GROBID output) into an article. */
public final class TeiArticleReader {

    public Article read(Element tei, String source) {
        Element header = child(tei, "teiheader");
        Element text = child(tei, "text");
        List<Reference> refs = TeiBibliography.references(child(text, "back"));
        Set<String> ids = new HashSet<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            ids.add(refs.get(i).id());
            positions.putIfAbsent(refs.get(i).id(), i);
        }
        TeiBodyReader body = new TeiBodyReader(ids, new MentionRanges(refs, positions));
        List<Section> sections = new ArrayList<>();
        Element abstractEl = first(header, "abstract");
        if (abstractEl != null) sections.addAll(body.sections(abstractEl, "Abstract"));
        sections.addAll(body.sections(child(text, "body"), ""));
        return new Article(SourceFormat.TEI, metadata(header, source), refs, sections);
    }

    private static ArticleMetadata metadata(Element header, String source) {
        Element fileDesc = child(header, "filedesc");
        Element titleStmt = child(fileDesc, "titlestmt");
        String title = null;
        for (Element t : descendants(titleStmt, "title")) {
            if (title == null || t.attr("type").equals("main")) title = text(t);
        }
        Element sourceBibl = first(child(fileDesc, "sourcedesc"), "biblstruct");
        List<Author> authors = sourceBibl == null ? List.of() : TeiBibliography.authors(child(sourceBibl, "analytic"));
        String doi = null, pmid = null, pmcid = null;
        for (Element idno : descendants(header, "idno")) {
            String type = idno.attr("type").toLowerCase(Locale.ROOT);
            String value = text(idno);
            if (value == null) continue;
            if (type.equals("doi") && doi == null) doi = Doi.normalize(value).orElse(null);
            if (type.equals("pmid") && pmid == null) pmid = value.replaceAll("\\D", "");
            if (type.equals("pmcid") && pmcid == null) pmcid = value;
        }
        Element monogr = sourceBibl == null ? null : child(sourceBibl, "monogr");
        Integer year = TeiBibliography.year(child(monogr, "imprint"));
        if (year == null) year = TeiBibliography.year(child(fileDesc, "publicationstmt"));
        String journal = null;
        if (monogr != null) {
            for (Element t : TeiElements.children(monogr, "title")) {
                if (t.attr("level").equals("j") || journal == null) journal = text(t);
            }
        }
        return new ArticleMetadata(
                doi, pmid == null || pmid.isEmpty() ? null : pmid, pmcid, title, authors, journal, year, source);
    }
}

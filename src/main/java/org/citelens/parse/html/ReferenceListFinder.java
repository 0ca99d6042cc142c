package org.citelens.parse.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.citelens.model.Reference;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the reference list of a page. First from the in-text anchors: an element an anchor points at is a reference
 * when it reads like one (a year or DOI, not a figure or table) and sits in a list with other such targets; the rest
 * of that list is taken too (references nobody cites in the text). Pages without such anchors fall back to the
 * largest run of list items that read like references.
 */
final class ReferenceListFinder {
    private static final int MAX_ENTRY = 3000;
    private static final Set<String> BIBR_CLASSES = Set.of(
            "xref-bibr",
            "html-bibr",
            "internalcitref",
            "referencelink",
            "dropdownlabel",
            "bibr",
            "cite",
            "citation",
            "ref-link",
            "xref-ref");
    private static final Set<String> NON_BIBR_CLASSES = Set.of(
            "xref-fig",
            "xref-table",
            "xref-aff",
            "xref-fn",
            "html-fig",
            "html-table",
            "html-app",
            "xref-disp-formula",
            "xref-sec",
            "xref-supplementary-material",
            "xref-contrib",
            "affiliationid",
            "plink");
    private static final Pattern NON_REF_ID = Pattern.compile(
            "(?i)^(fig|figure|f|t|tab|table|sec|s|aff|fn|app|eq|e|d|box|sup|supp|media|m|sch|scheme|top|p|para)[-_.]?\\d.*");
    private static final Pattern YEAR_OR_DOI =
            Pattern.compile("(?i)(?<!\\d)(1[6-9]\\d\\d|20\\d\\d)[a-z]?(?!\\d)|\\b10\\.\\d{4,9}/|in press|forthcoming");
    private static final Pattern NOT_A_REFERENCE = Pattern.compile(
            "(?i)^(fig\\.?|figure|table|supplementary|scheme|box|appendix|equation|additional file|movie|video)\\b.*");

    ReferenceList find(Document doc) {
        List<Element> all = doc.getAllElements();
        Map<String, Element> byId = new HashMap<>();
        for (Element e : all) {
            if (!e.id().isEmpty()) byId.putIfAbsent(e.id(), e);
            else if (e.normalName().equals("a") && e.hasAttr("name")) byId.putIfAbsent(e.attr("name"), e);
        }
        Map<Element, Element> itemOfTarget = new IdentityHashMap<>();
        Map<Element, List<String>> candidateAnchors = new IdentityHashMap<>();
        Map<Element, String> idOfItem = new IdentityHashMap<>();
        for (Element a : doc.getElementsByTag("a")) {
            List<String> targets = targetsOf(a);
            if (targets.isEmpty() || hasClass(a, NON_BIBR_CLASSES)) continue;
            boolean hinted = hasClass(a, BIBR_CLASSES) || "bibr".equals(a.attr("data-jats-ref-type"));
            List<String> ids = new ArrayList<>();
            for (String t : targets) {
                Element target = byId.get(t);
                if (target == null || (!hinted && NON_REF_ID.matcher(t).matches())) continue;
                Element item = itemOfTarget.computeIfAbsent(target, ReferenceListFinder::referenceItem);
                if (item == null) continue;
                idOfItem.putIfAbsent(item, t);
                ids.add(t);
            }
            if (!ids.isEmpty() && ids.size() == targets.size()) candidateAnchors.put(a, ids);
        }
        Set<Element> items = Collections.newSetFromMap(new IdentityHashMap<>());
        items.addAll(idOfItem.keySet());
        Map<Element, List<Element>> lists = inDocumentOrder(groupIntoLists(items), all);
        if (lists.isEmpty()) return fromListItems(doc);

        ReferenceList read = readLists(lists, idOfItem, new IdentityHashMap<>());
        Set<String> known = new java.util.HashSet<>();
        for (Reference r : read.references()) known.add(r.id());
        Set<Element> inLists = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element c : read.entries()) inLists.addAll(c.getAllElements());
        for (var e : candidateAnchors.entrySet()) {
            if (known.containsAll(e.getValue()) && !inLists.contains(e.getKey()))
                read.anchors().put(e.getKey(), e.getValue());
        }
        return read;
    }

    /** Pages with no usable anchors: the biggest list of items that read like references. */
    private ReferenceList fromListItems(Document doc) {
        Set<Element> items = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element li : doc.select("li, div.ref, p.ref, div.citation, p.citation")) {
            String text = CappedText.of(li, MAX_ENTRY + 1);
            if (readsLikeReference(text)) items.add(li);
        }
        Map<Element, List<Element>> lists = groupIntoLists(items);
        Element best = null;
        for (var e : lists.entrySet()) {
            if (e.getValue().size() >= 3
                    && (best == null || e.getValue().size() > lists.get(best).size())) best = e.getKey();
        }
        if (best == null) return ReferenceList.empty();
        Map<Element, List<Element>> chosen = new LinkedHashMap<>();
        chosen.put(best, lists.get(best));
        return readLists(chosen, new IdentityHashMap<>(), new IdentityHashMap<>());
    }

    /** Groups items under their lowest ancestor (at most four levels up) that holds two or more of them. */
    private static Map<Element, List<Element>> groupIntoLists(Set<Element> items) {
        Map<Element, Integer> counts = new IdentityHashMap<>();
        for (Element item : items) {
            Element p = item.parent();
            for (int i = 0; i < 4 && p != null; i++, p = p.parent()) counts.merge(p, 1, Integer::sum);
        }
        Map<Element, List<Element>> lists = new IdentityHashMap<>();
        for (Element item : items) {
            Element p = item.parent();
            for (int i = 0; i < 4 && p != null; i++, p = p.parent()) {
                if (counts.get(p) >= 2) {
                    lists.computeIfAbsent(p, k -> new ArrayList<>()).add(item);
                    break;
                }
            }
        }
        // of two nested lists the one with more items wins: stray targets (a figure whose caption has a year)
        // must not swallow the real reference list that sits inside the same article element
        List<Element> bySize = new ArrayList<>(lists.keySet());
        bySize.sort((a, b) -> Integer.compare(lists.get(b).size(), lists.get(a).size()));
        Set<Element> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element c : bySize) {
            boolean nested = insideAny(c, kept, c);
            for (Element k : kept) nested |= insideAny(k, Set.of(c), k);
            if (!nested) kept.add(c);
        }
        lists.keySet().retainAll(kept);
        // a couple of stray targets elsewhere (a caption or box that mentions a year) are not a second list
        int largest = lists.values().stream().mapToInt(List::size).max().orElse(0);
        lists.values().removeIf(l -> l.size() * 4 < largest);
        return lists;
    }

    /**
     * Reads the entries of each list container in document order, cited or not: the children that hold a target,
     * and their siblings of the same kind (tag and class) that read like references. Other children (body
     * paragraphs, when a publisher puts references and body in one element) are left alone.
     */
    private static ReferenceList readLists(
            Map<Element, List<Element>> lists, Map<Element, String> idOfItem, Map<Element, List<String>> anchors) {
        List<Reference> refs = new ArrayList<>();
        Set<Element> entries = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> seen = new java.util.HashSet<>();
        for (var list : lists.entrySet()) {
            Set<Element> itemsHere = Collections.newSetFromMap(new IdentityHashMap<>());
            itemsHere.addAll(list.getValue());
            Map<String, Integer> kinds = new java.util.HashMap<>();
            Map<Element, Element> itemOfChild = new IdentityHashMap<>();
            for (Element child : list.getKey().children()) {
                Element item = itemWithin(child, itemsHere);
                if (item == null) continue;
                itemOfChild.put(child, item);
                kinds.merge(kind(child), 1, Integer::sum);
            }
            for (Element child : list.getKey().children()) {
                Element item = itemOfChild.get(child);
                if (item == null
                        && !(kinds.containsKey(kind(child))
                                && readsLikeReference(CappedText.of(child, MAX_ENTRY + 1)))) {
                    continue;
                }
                String id = item == null ? null : idOfItem.get(item);
                if (id == null) id = ownId(child, "ref-" + (refs.size() + 1));
                entries.add(child);
                if (!seen.add(id)) continue;
                refs.add(ReferenceEntryReader.read(item != null ? item : child, id));
            }
        }
        return new ReferenceList(refs, entries, anchors);
    }

    private static String kind(Element e) {
        return e.normalName() + "." + e.className();
    }

    private static Map<Element, List<Element>> inDocumentOrder(Map<Element, List<Element>> lists, List<Element> all) {
        Map<Element, List<Element>> ordered = new LinkedHashMap<>();
        if (lists.isEmpty()) return ordered;
        for (Element e : all) {
            List<Element> items = lists.get(e);
            if (items != null) ordered.put(e, items);
        }
        return ordered;
    }

    private static Element itemWithin(Element child, Set<Element> items) {
        if (items.contains(child)) return child;
        for (Element d : child.getAllElements()) if (items.contains(d)) return d;
        return null;
    }

    private static String ownId(Element child, String fallback) {
        if (!child.id().isEmpty()) return child.id();
        Element named = child.selectFirst("[id], a[name]");
        if (named != null) return named.id().isEmpty() ? named.attr("name") : named.id();
        return fallback;
    }

    /** The element holding a target's reference text: the target itself or a close ancestor; null if not a reference. */
    private static Element referenceItem(Element target) {
        Element e = target;
        String text = CappedText.of(e, MAX_ENTRY + 1);
        for (int i = 0; i < 3 && text.length() < 25 && e.parent() != null; i++) {
            e = e.parent();
            text = CappedText.of(e, MAX_ENTRY + 1);
        }
        return readsLikeReference(text) ? e : null;
    }

    static boolean readsLikeReference(String text) {
        return text.length() >= 25
                && text.length() <= MAX_ENTRY
                && YEAR_OR_DOI.matcher(text).find()
                && !NOT_A_REFERENCE.matcher(text).matches();
    }

    private static List<String> targetsOf(Element a) {
        List<String> ids = new ArrayList<>();
        String rel = a.attr("rel");
        if (rel.startsWith("references:")) {
            for (String t : rel.substring("references:".length()).trim().split("\\s+")) {
                if (t.startsWith("#") && t.length() > 1) ids.add(t.substring(1));
            }
            if (!ids.isEmpty()) return ids;
        }
        String rid = a.attr("data-jats-rid");
        if (!rid.isEmpty()) {
            for (String t : rid.trim().split("\\s+")) ids.add(t);
            return ids;
        }
        String href = a.attr("href");
        // Taylor & Francis writes several targets in one fragment: href="#CIT0001 CIT0002"
        if (href.startsWith("#") && href.length() > 1) {
            for (String t : decode(href.substring(1)).trim().split("\\s+")) if (!t.isEmpty()) ids.add(t);
        }
        return ids;
    }

    private static String decode(String fragment) {
        if (!fragment.contains("%")) return fragment;
        try {
            return java.net.URLDecoder.decode(fragment, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return fragment;
        }
    }

    private static boolean hasClass(Element a, Set<String> classes) {
        for (String c : a.classNames()) if (classes.contains(c.toLowerCase(Locale.ROOT))) return true;
        return false;
    }

    private static boolean insideAny(Element e, Set<Element> containers, Element self) {
        int depth = 0;
        for (Element p = e.parent(); p != null && depth < 600; p = p.parent(), depth++) {
            if (p != self && containers.contains(p)) return true;
        }
        return false;
    }
}

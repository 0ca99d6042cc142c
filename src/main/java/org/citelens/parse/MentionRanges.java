package org.citelens.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.CitationMention;
import org.citelens.model.Reference;

/**
 * Turns anchors placed in a paragraph into mentions the way the JATS parser does: two anchors joined by a dash are
 * one range mention citing every reference between them in list order; an anchor written as a range ("3–5") cites
 * the whole range; one anchor naming several targets ("[6, 14, 16-18]") is split into one mention per number or
 * range when its text and targets agree.
 */
public final class MentionRanges {
    private static final Pattern DASH_ONLY = Pattern.compile("\\s*[-–—‒]\\s*");
    private static final Pattern RANGE = Pattern.compile("^[\\[(]?\\s*(\\d+)\\s*[-–—‒]\\s*(\\d+)\\s*[\\])]?$");
    private static final Pattern NUMBER_OR_RANGE = Pattern.compile("(\\d+)(?:\\s*[-–—‒]\\s*(\\d+))?");

    private final List<Reference> refs;
    private final Map<String, Integer> positions;

    public MentionRanges(List<Reference> refs, Map<String, Integer> positions) {
        this.refs = refs;
        this.positions = positions;
    }

    public List<CitationMention> resolve(String text, List<MarkedTextBuilder.Placed> placed) {
        List<CitationMention> split = new ArrayList<>();
        for (MarkedTextBuilder.Placed p : placed) split.addAll(expand(text, p));
        List<CitationMention> merged = new ArrayList<>();
        for (CitationMention m : split) {
            CitationMention prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && joinedByDash(text, prev, m)) {
                List<String> range = between(prev.refIds().get(0), m.refIds().get(0));
                if (range != null) {
                    merged.set(
                            merged.size() - 1,
                            new CitationMention(prev.start(), m.end(), text.substring(prev.start(), m.end()), range));
                    continue;
                }
            }
            merged.add(m);
        }
        return merged;
    }

    private List<CitationMention> expand(String text, MarkedTextBuilder.Placed p) {
        String marker = text.substring(p.start(), p.end());
        if (p.refIds().size() == 1) {
            Matcher r = RANGE.matcher(marker);
            if (r.matches()) {
                int lo = Integer.parseInt(r.group(1));
                int hi = Integer.parseInt(r.group(2));
                Integer from = positions.get(p.refIds().get(0));
                if (from != null && hi > lo && hi - lo < 100 && from + (hi - lo) < refs.size()) {
                    List<String> ids = new ArrayList<>();
                    for (int i = from; i <= from + (hi - lo); i++)
                        ids.add(refs.get(i).id());
                    return List.of(new CitationMention(p.start(), p.end(), marker, ids));
                }
            }
            return List.of(new CitationMention(p.start(), p.end(), marker, p.refIds()));
        }
        List<CitationMention> parts = new ArrayList<>();
        Matcher m = NUMBER_OR_RANGE.matcher(marker);
        int next = 0;
        while (m.find()) {
            int count = m.group(2) == null ? 1 : Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1)) + 1;
            if (count < 1 || next + count > p.refIds().size()) return whole(p, marker);
            parts.add(new CitationMention(
                    p.start() + m.start(),
                    p.start() + m.end(),
                    m.group(),
                    p.refIds().subList(next, next + count)));
            next += count;
        }
        return next == p.refIds().size() && !parts.isEmpty() ? parts : whole(p, marker);
    }

    private static List<CitationMention> whole(MarkedTextBuilder.Placed p, String marker) {
        return List.of(new CitationMention(p.start(), p.end(), marker, p.refIds()));
    }

    private static boolean joinedByDash(String text, CitationMention a, CitationMention b) {
        return a.refIds().size() == 1
                && b.refIds().size() == 1
                && b.start() >= a.end()
                && DASH_ONLY.matcher(text.substring(a.end(), b.start())).matches();
    }

    private List<String> between(String fromId, String toId) {
        Integer from = positions.get(fromId);
        Integer to = positions.get(toId);
        if (from == null || to == null || to <= from || to - from > 100) return null;
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) ids.add(refs.get(i).id());
        return ids;
    }
}

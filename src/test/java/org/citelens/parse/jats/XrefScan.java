package org.citelens.parse.jats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent count of what a JATS file holds, by regular expressions over the raw XML and sharing no code
 * with the parser: the bibliographic xrefs of the body and of the float captions (table cells left out, as the
 * parser leaves them out), and the reference ids. Tests compare the parser's output with it.
 */
public final class XrefScan {
    private static final Pattern BODY =
            Pattern.compile("<body\\b.*?</body>|<floats-group\\b.*?</floats-group>", Pattern.DOTALL);
    private static final Pattern TABLE = Pattern.compile("<table[\\s>].*?</table>", Pattern.DOTALL);
    private static final Pattern XREF = Pattern.compile("<xref\\b([^>]*)>(.*?)</xref>", Pattern.DOTALL);
    private static final Pattern BIBR = Pattern.compile("ref-type=\"bibr\"");
    private static final Pattern RID = Pattern.compile("\\brid=\"([^\"]*)\"");
    private static final Pattern REF_ID = Pattern.compile("<ref\\s[^>]*\\bid=\"([^\"]+)\"");
    private static final Pattern REF =
            Pattern.compile("<ref\\s[^>]*\\bid=\"([^\"]+)\"[^>]*>(.*?)</ref>", Pattern.DOTALL);
    private static final Pattern PUB_ID_DOI =
            Pattern.compile("<pub-id\\s[^>]*pub-id-type=\"doi\"[^>]*>(.*?)</pub-id>", Pattern.DOTALL);
    private static final Pattern TAG_OR_PI = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    /** One xref: its targets and its text as a reader sees it (spaces normalised). */
    public record Xref(List<String> rids, String text) {}

    private XrefScan() {}

    public static List<Xref> bodyXrefs(String xml) {
        List<Xref> out = new ArrayList<>();
        Matcher body = BODY.matcher(xml);
        while (body.find()) {
            String withoutTables = TABLE.matcher(body.group()).replaceAll("");
            Matcher x = XREF.matcher(withoutTables);
            while (x.find()) {
                if (!BIBR.matcher(x.group(1)).find()) continue;
                Matcher rid = RID.matcher(x.group(1));
                List<String> rids = new ArrayList<>();
                if (rid.find()) {
                    for (String r : rid.group(1).trim().split("\\s+")) if (!r.isEmpty()) rids.add(r);
                }
                out.add(new Xref(rids, plain(x.group(2))));
            }
        }
        return out;
    }

    public static int allBibrXrefs(String xml) {
        int n = 0;
        Matcher x = Pattern.compile("<xref\\b[^>]*ref-type=\"bibr\"").matcher(xml);
        while (x.find()) n++;
        return n;
    }

    public static Set<String> refIds(String xml) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = REF_ID.matcher(xml);
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    /** The DOI each reference gives in a {@code pub-id}, as written (spaces trimmed), by reference id. */
    public static java.util.Map<String, String> pubIdDois(String xml) {
        java.util.Map<String, String> dois = new java.util.LinkedHashMap<>();
        Matcher ref = REF.matcher(xml);
        while (ref.find()) {
            Matcher doi = PUB_ID_DOI.matcher(ref.group(2));
            if (doi.find()) dois.put(ref.group(1), plain(doi.group(1)));
        }
        return dois;
    }

    /** Tags and processing instructions removed, entities decoded, every run of spaces one ASCII space. */
    public static String plain(String markup) {
        String s = TAG_OR_PI.matcher(markup).replaceAll("");
        Matcher e = NUMERIC_ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (e.find()) {
            int cp = Integer.parseInt(e.group(2), e.group(1).isEmpty() ? 10 : 16);
            e.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        e.appendTail(sb);
        s = sb.toString()
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200b' || c == '\ufeff' || c == '\u00ad') continue;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) out.append(' ');
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}

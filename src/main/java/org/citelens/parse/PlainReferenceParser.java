package org.citelens.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.citelens.model.Author;
import org.citelens.model.Doi;
import org.citelens.model.Reference;

/**
 * Reads one reference written as plain text into its parts (authors, year, title, journal, volume, pages, DOI,
 * PMID) in the common styles: numbered or not, Vancouver ({@code Livak KJ, Schmittgen TD. Title. Journal.
 * 2001;25:402-8}), APA and other author-year styles ({@code Livak, K. J., & Schmittgen, T. D. (2001). Title.
 * Journal, 25(4), 402–408}), Harvard ({@code Livak, K.J. and Schmittgen, T.D., 2001. Title. Journal}), Nature
 * ({@code Livak, K. J. & Schmittgen, T. D. Title. Journal 25, 402–408 (2001)}) and IEEE ({@code K. J. Livak and
 * T. D. Schmittgen, "Title," Journal, vol. 25}). The parts only need to be good enough for the works matcher, which
 * weighs title words most; the raw text is kept for display and as the matcher's fallback.
 */
public final class PlainReferenceParser {
    private static final Pattern NUMBERING = Pattern.compile("^\\s*(?:\\[\\d{1,4}]|\\(\\d{1,4}\\)|\\d{1,4}[.)]|\\d{1,4}\\s)\\s*");
    private static final Pattern DOI_TEXT = Pattern.compile(
            "(?i)(?:https?://(?:dx\\.)?doi\\.org/|doi\\s*:?\\s*|\\bdoi\\.org/)?10\\.\\d{4,9}/\\S+");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern PMID = Pattern.compile("(?i)\\bPMID\\s*:?\\s*(\\d{4,9})");
    private static final Pattern PMCID = Pattern.compile("(?i)\\bPMCID\\s*:?\\s*(PMC\\d+)|\\b(PMC\\d{4,9})\\b");
    private static final Pattern ACCESSED = Pattern.compile("(?i)\\[?(?:accessed|cited|retrieved)\\b[^\\]]*]?");

    private static final String PARTICLES = "(?:(?:van|von|de|der|den|del|della|da|dos|du|la|le|ter|ten|De|Van|Von|Le|La|Du|Da)[\\s-]+)*";
    private static final String SURNAME = PARTICLES + "\\p{Lu}[\\p{L}'’]*(?:[\\-\\s]\\p{Lu}?[\\p{L}'’]+)??";
    /** Initials written with dots: "K. J.", "K.J.", "J.-P.". */
    private static final String DOTTED_INITIALS = "(?:\\p{Lu}\\p{Ll}?\\.\\s?-?)+";
    /** "Livak, K. J." (APA, Harvard, Nature). */
    private static final Pattern DOTTED_AUTHOR = Pattern.compile("(" + SURNAME + "),\\s*" + DOTTED_INITIALS);
    /** "Livak KJ" or "Livak K.J." (Vancouver, Springer author-year). */
    private static final Pattern COMPACT_AUTHOR =
            Pattern.compile("(" + SURNAME + ")\\s(?:\\p{Lu}{1,4}|(?:\\p{Lu}\\.){1,4})(?=[\\s,.;(&]|$)");
    /** "K. J. Livak" (IEEE, some numbered styles). */
    private static final Pattern INITIALS_FIRST = Pattern.compile(DOTTED_INITIALS + "\\s?(" + SURNAME + ")(?=[,\\s.])");

    private static final Pattern AUTHOR_SEPARATOR =
            Pattern.compile("\\s*(?:,\\s*(?:\\.\\.\\.|…)\\s*|,\\s*(?:&|and)\\s+|,\\s*|;\\s*|&\\s*|and\\s+)");
    private static final Pattern ET_AL = Pattern.compile("\\s*,?\\s*et\\s+al\\.?");
    private static final Pattern YEAR_PAREN = Pattern.compile("^[\\s.,:]*\\(((?:19|20)\\d\\d)[a-z]?\\)[\\s.,:]*");
    private static final Pattern YEAR_BARE = Pattern.compile("^[\\s.,:]*((?:19|20)\\d\\d)[a-z]?[.,:]\\s+");
    private static final Pattern YEAR_ANYWHERE = Pattern.compile("(?<![\\d/.-])((?:19|20)\\d\\d)[a-z]?(?![\\d])");
    /** Volume, issue and pages: "25(4):402-8", "25, 402–408", "vol. 25, no. 4, pp. 402–408", "2016;7:196". */
    private static final Pattern VOLUME_PAGES = Pattern.compile(
            "(?:vol\\.\\s*)?(\\d{1,5})\\s*(?:\\(([^)]{1,12})\\)|,?\\s*no\\.\\s*\\w+)?\\s*[:,]\\s*(?:pp?\\.\\s*)?([A-Za-z]?\\d+[A-Za-z]?)(?:\\s*[-–—]\\s*[A-Za-z]?\\d+)?");
    private static final Set<String> NOT_SURNAMES =
            Set.of("In", "The", "A", "On", "Of", "And", "Et", "Al", "Vol", "No", "Pp");

    /** Reads one reference; {@code id} names it in its list (e.g. its position). */
    public Reference parse(String raw, String id) {
        String text = clean(raw);
        String doi = Doi.normalize(firstMatch(DOI_TEXT, text)).orElse(null);
        String pmid = group(PMID, text, 1);
        String pmcid = pmcid(text);
        String body = ACCESSED.matcher(URL.matcher(DOI_TEXT.matcher(text).replaceAll(" ")).replaceAll(" "))
                .replaceAll(" ");
        body = PMID.matcher(body).replaceAll(" ");
        body = PMCID.matcher(body).replaceAll(" ");
        body = NUMBERING.matcher(body).replaceFirst("").replaceAll("\\s+", " ").strip();

        AuthorBlock block = authors(body);
        String rest = body.substring(block.end());
        Integer year = null;
        Matcher y = YEAR_PAREN.matcher(rest);
        if (!y.find()) y = YEAR_BARE.matcher(rest);
        if (y.reset().find()) {
            year = Integer.valueOf(y.group(1));
            rest = rest.substring(y.end());
        }
        rest = rest.replaceFirst("^[\\s.,:;]+", "");
        String title;
        String after;
        Matcher quoted = Pattern.compile("^[\"“”']([^\"“”]{3,}?)[,.]?[\"“”]").matcher(rest);
        if (quoted.find()) {
            title = quoted.group(1);
            after = rest.substring(quoted.end());
        } else {
            int end = titleEnd(rest);
            title = rest.substring(0, end);
            after = end < rest.length() ? rest.substring(end + 1) : "";
        }
        title = title.strip().replaceAll("[.,;:]+$", "");
        after = after.replaceFirst("^[\\s.,:;]+", "").replaceFirst("^(?i)in:?\\s+", "");
        String journal = journal(after);
        String volume = null;
        String pages = null;
        Matcher vp = VOLUME_PAGES.matcher(after);
        while (vp.find()) {
            String v = vp.group(1);
            if (v.length() == 4 && YEAR_ANYWHERE.matcher(v).matches() && vp.group(2) == null) {
                continue; // "2001;25(4):402" begins with the year, not the volume
            }
            volume = v;
            pages = vp.group(3);
            break;
        }
        if (year == null) year = lastYear(after.isEmpty() ? body : after);
        if (year == null) year = lastYear(body);
        return new Reference(
                id,
                doi,
                pmid,
                pmcid,
                title.isBlank() ? null : title,
                block.authors(),
                year,
                journal,
                volume,
                pages,
                text);
    }

    /** The references of a plain-text list: one per line, or one per paragraph when entries wrap over lines. */
    public List<String> split(String list) {
        String text = list.replace("\r\n", "\n").replace('\r', '\n');
        String[] paragraphs = text.split("\\n\\s*\\n");
        boolean wrapped = false;
        int nonEmpty = 0;
        for (String p : paragraphs) {
            if (p.isBlank()) continue;
            nonEmpty++;
            if (p.strip().contains("\n")) wrapped = true;
        }
        List<String> out = new ArrayList<>();
        if (wrapped && nonEmpty > 1) {
            for (String p : paragraphs) {
                if (!p.isBlank()) out.add(p.strip().replaceAll("\\s*\\n\\s*", " "));
            }
            return out;
        }
        // one per line, except that a line not starting a new numbered entry continues a numbered one
        boolean numbered = text.lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .map(l -> NUMBERING.matcher(l).lookingAt())
                .orElse(false);
        for (String line : text.split("\\n")) {
            if (line.isBlank()) continue;
            if (numbered && !out.isEmpty() && !NUMBERING.matcher(line).lookingAt()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + line.strip());
            } else {
                out.add(line.strip());
            }
        }
        return out;
    }

    private record AuthorBlock(List<Author> authors, int end) {}

    /** The authors at the start of the reference and where they end. */
    private static AuthorBlock authors(String s) {
        for (Pattern style : List.of(DOTTED_AUTHOR, COMPACT_AUTHOR, INITIALS_FIRST)) {
            AuthorBlock b = authorsIn(s, style);
            if (!b.authors().isEmpty()) return b;
        }
        // a single surname before the year, "Epstein (1999)", or an organisation
        Matcher m = Pattern.compile("^(" + SURNAME + ")(?=\\s*[,.]?\\s*\\(?(?:19|20)\\d\\d)").matcher(s);
        if (m.find()) return new AuthorBlock(List.of(new Author(m.group(1), null)), m.end());
        return new AuthorBlock(List.of(), 0);
    }

    private static AuthorBlock authorsIn(String s, Pattern style) {
        List<Author> found = new ArrayList<>();
        int pos = 0;
        Matcher m = style.matcher(s);
        Matcher sep = AUTHOR_SEPARATOR.matcher(s);
        Matcher etAl = ET_AL.matcher(s);
        while (pos < s.length()) {
            m.region(pos, s.length());
            if (!m.lookingAt()) break;
            String surname = m.group(1).strip();
            if (NOT_SURNAMES.contains(surname)) break;
            found.add(new Author(surname, null));
            pos = m.end();
            etAl.region(pos, s.length());
            if (etAl.lookingAt()) {
                pos = etAl.end();
                break;
            }
            sep.region(pos, s.length());
            if (!sep.lookingAt()) break;
            int next = sep.end();
            m.region(next, s.length());
            if (!m.lookingAt()) break; // the separator ends the list (e.g. "Schmittgen TD, 2001")
            pos = next;
        }
        return new AuthorBlock(found, pos);
    }

    /**
     * Where the title ends: the first full stop, question or exclamation mark followed by a space, except after an
     * initial or a short abbreviation inside the title ("L.", "sp.", "cv.", "var.", "et al.").
     */
    private static int titleEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.' && c != '?' && c != '!') continue;
            if (i + 1 < s.length() && s.charAt(i + 1) != ' ') continue;
            if (c == '.') {
                int w = i;
                while (w > 0 && Character.isLetter(s.charAt(w - 1))) w--;
                String word = s.substring(w, i);
                if (word.length() == 1 && Character.isUpperCase(word.charAt(0)) && i + 2 < s.length()
                        && Character.isLowerCase(s.charAt(i + 2))) continue; // "L. cv" inside a title
                if (Set.of("sp", "spp", "cv", "var", "subsp", "al", "vs", "e.g", "i.e", "ssp", "f", "pv").contains(word.toLowerCase(Locale.ROOT))) continue;
            }
            return c == '.' ? i : i + 1;
        }
        return s.length();
    }

    /** The journal: the words after the title up to the volume, year or page numbers. */
    private static String journal(String after) {
        Matcher m = Pattern.compile("^([^\\d(;\\[]+?)[\\s.,;:]*(?=\\d|\\(|;|\\[|$|\\bvol\\.)").matcher(after);
        if (!m.find()) return null;
        String j = m.group(1).replaceFirst("(?i),?\\s*vol$", "").strip().replaceAll("[.,;:]+$", "");
        return j.isBlank() || j.length() > 200 ? null : j;
    }

    private static Integer lastYear(String s) {
        Matcher m = YEAR_ANYWHERE.matcher(s);
        Integer year = null;
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y <= 2100) year = y;
        }
        return year;
    }

    private static String clean(String raw) {
        return raw == null ? "" : raw.replace('\u00a0', ' ').replaceAll("[\\t\\n\\r]+", " ").strip();
    }

    private static String firstMatch(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group() : null;
    }

    private static String group(Pattern p, String s, int g) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(g) : null;
    }

    private static String pmcid(String s) {
        Matcher m = PMCID.matcher(s);
        if (!m.find()) return null;
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}

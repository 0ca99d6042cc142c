package org.citelens.notice;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.citelens.model.Doi;
import org.citelens.model.EditorialNotice;
import org.citelens.model.NoticeType;

/**
 * Reads the Retraction Watch database as Crossref distributes it: a CSV with a header row naming the columns
 * (Record ID, Title, Journal, Publisher, Author, ArticleType, RetractionDate, RetractionDOI, RetractionPubMedID,
 * OriginalPaperDate, OriginalPaperDOI, OriginalPaperPubMedID, RetractionNature, Reason, Notes, ...). Columns are
 * found by name in any order, matched without case or spaces; extra columns are ignored. Each row becomes a
 * {@link EditorialNotice} or a {@link Row#error() reason} with its line number; a bad row never stops the file.
 */
public final class RetractionWatchCsv {
    public static final String SOURCE = "retraction-watch";
    static final List<String> REQUIRED = List.of("OriginalPaperDOI", "RetractionNature", "RetractionDate");

    /** Crossref's export writes "5/22/2023 0:00"; older copies "5/22/2023", others ISO dates. */
    private static final List<DateTimeFormatter> DATE_TIMES =
            List.of(DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.ROOT));

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT),
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d", Locale.ROOT));

    /**
     * One row's outcome: a notice, or why there is none.
     *
     * @param line the line the row starts on (the header is line 1)
     */
    public record Row(long line, EditorialNotice notice, String error) {}

    private RetractionWatchCsv() {}

    /**
     * Reads every row in order. A header without a required column is an IllegalArgumentException naming it
     * (nothing can be read); a break in the CSV itself (a quote never closed) ends the file with one last error row.
     */
    public static void read(Reader in, Consumer<Row> sink) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = format.parse(in)) {
            Map<String, Integer> columns = columns(parser.getHeaderNames());
            for (String c : REQUIRED) {
                if (!columns.containsKey(key(c))) {
                    throw new IllegalArgumentException("the header has no " + c + " column (found: "
                            + String.join(", ", parser.getHeaderNames()) + ")");
                }
            }
            long nextLine = 2;
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord r;
                try {
                    if (!records.hasNext()) break;
                    r = records.next();
                } catch (UncheckedIOException e) {
                    sink.accept(new Row(nextLine, null, "the CSV breaks here and cannot be read further: "
                            + e.getCause().getMessage()));
                    return;
                }
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                sink.accept(row(r, columns, line));
            }
        }
    }

    private static Row row(CSVRecord r, Map<String, Integer> columns, long line) {
        String rawDoi = get(r, columns, "OriginalPaperDOI");
        String workDoi = Doi.normalize(rawDoi).orElse(null);
        if (workDoi == null) {
            return new Row(line, null, "OriginalPaperDOI " + quoted(rawDoi) + " is not a DOI");
        }
        String nature = get(r, columns, "RetractionNature");
        NoticeType type;
        try {
            type = NoticeType.fromWireName(nature);
        } catch (IllegalArgumentException e) {
            return new Row(
                    line,
                    null,
                    "RetractionNature " + quoted(nature)
                            + " is not a retraction, correction or expression of concern");
        }
        String rawDate = get(r, columns, "RetractionDate");
        LocalDate date = date(rawDate);
        if (date == null && !rawDate.isBlank()) {
            return new Row(line, null, "RetractionDate " + quoted(rawDate) + " is not a date (M/d/yyyy or yyyy-MM-dd)");
        }
        String noticeDoi = Doi.normalize(get(r, columns, "RetractionDOI")).orElse(null);
        return new Row(
                line,
                new EditorialNotice(workDoi, type, date, noticeDoi, nature.strip(), reasons(get(r, columns, "Reason")), SOURCE),
                null);
    }

    /** "+Reason one;+Reason two;" as Retraction Watch writes it becomes "Reason one; Reason two". */
    static String reasons(String raw) {
        StringBuilder out = new StringBuilder();
        for (String part : raw.split(";")) {
            String p = part.strip();
            while (p.startsWith("+")) p = p.substring(1).strip();
            if (p.isEmpty()) continue;
            if (!out.isEmpty()) out.append("; ");
            out.append(p);
        }
        return out.isEmpty() ? null : out.toString();
    }

    static LocalDate date(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) return null;
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f).toLocalDate();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null) out.putIfAbsent(key(header.get(i)), i);
        }
        return out;
    }

    /** Column names compared without case, spaces, underscores or a byte-order mark: "Retraction DOI" = "RetractionDOI". */
    private static String key(String name) {
        return name.replace("\uFEFF", "").replaceAll("[\\s_]", "").toLowerCase(Locale.ROOT);
    }

    private static String get(CSVRecord r, Map<String, Integer> columns, String name) {
        Integer i = columns.get(key(name));
        return i == null || i >= r.size() ? "" : r.get(i).strip();
    }

    private static String quoted(String s) {
        String v = s.length() > 80 ? s.substring(0, 77) + "..." : s;
        return "'" + v + "'";
    }
}

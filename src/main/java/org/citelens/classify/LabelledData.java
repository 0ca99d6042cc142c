package org.citelens.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.citelens.model.Label;
import org.citelens.model.SectionType;

/**
 * Reads labelled statements: the shared datasets' TSV (id, split, citing_paper, target_marker, source_label, label,
 * text) or JSON Lines with {@code id, before, sentence, after, target_marker, label} and optional
 * {@code citing_paper, split}. MultiCite's {@code <cite>...</cite>} tags become the target marker.
 */
public final class LabelledData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabelledData() {}

    /** Reads every file of a comma-separated list, in order. */
    public static List<LabelledStatement> readAll(String commaSeparatedPaths) {
        List<LabelledStatement> rows = new ArrayList<>();
        for (String p : commaSeparatedPaths.split(",")) {
            if (!p.isBlank()) rows.addAll(read(Path.of(p.strip())));
        }
        return rows;
    }

    public static List<LabelledStatement> read(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no such data file: " + file);
        String name = file.getFileName().toString();
        String dataset = name.replaceAll("\\.(tsv|jsonl)$", "").toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".tsv")) return readTsv(file, dataset);
            if (name.endsWith(".jsonl")) return readJsonl(file, dataset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        throw new IllegalArgumentException("data file must end in .tsv or .jsonl: " + file);
    }

    private static List<LabelledStatement> readTsv(Path file, String dataset) throws IOException {
        List<LabelledStatement> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) return rows;
            Map<String, Integer> col = columns(header.split("\t", -1));
            for (String c : List.of("id", "citing_paper", "label", "text")) {
                if (!col.containsKey(c)) throw new IllegalArgumentException(file + ": header lacks column " + c);
            }
            List<String[]> raw = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                if (f.length < col.size()) {
                    throw new IllegalArgumentException(
                            file + ":" + lineNo + ": expected " + col.size() + " columns, got " + f.length);
                }
                raw.add(f);
            }
            boolean hasDev = raw.stream().anyMatch(f -> col.containsKey("split") && "dev".equals(f[col.get("split")]));
            for (String[] f : raw) {
                String paper = f[col.get("citing_paper")];
                String split = hasDev ? f[col.get("split")] : (DevSplit.isDevPaper(paper) ? "dev" : "train");
                String marker = col.containsKey("target_marker") ? f[col.get("target_marker")] : "";
                rows.add(row(
                        f[col.get("id")],
                        dataset,
                        split,
                        paper,
                        optional(f, col, "before"),
                        f[col.get("text")],
                        optional(f, col, "after"),
                        marker,
                        f[col.get("label")],
                        section(f, col, dataset)));
            }
        }
        return rows;
    }

    private static List<LabelledStatement> readJsonl(Path file, String dataset) throws IOException {
        List<LabelledStatement> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            JsonNode n;
            try {
                n = JSON.readTree(lines.get(i));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(
                        file + ":" + (i + 1) + ": not valid JSON: " + e.getOriginalMessage());
            }
            String id = text(n, "id", "line" + (i + 1));
            String paper = text(n, "citing_paper", id);
            String split = text(n, "split", DevSplit.isDevPaper(paper) ? "dev" : "train");
            if (!n.hasNonNull("sentence") || !n.hasNonNull("label")) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": needs \"sentence\" and \"label\"");
            }
            SectionType section = n.hasNonNull("section")
                    ? SectionType.fromWireName(n.get("section").asText())
                    : null;
            rows.add(row(
                    id,
                    text(n, "dataset", dataset),
                    split,
                    paper,
                    text(n, "before", ""),
                    n.get("sentence").asText(),
                    text(n, "after", ""),
                    text(n, "target_marker", ""),
                    n.get("label").asText(),
                    section));
        }
        return rows;
    }

    private static LabelledStatement row(
            String id,
            String dataset,
            String split,
            String paper,
            String before,
            String text,
            String after,
            String marker,
            String label,
            SectionType section) {
        String sentence = text;
        int open = text.indexOf("<cite>");
        int close = text.indexOf("</cite>");
        if (open >= 0 && close > open) {
            // MultiCite marks the target in the text; that span is more precise than the marker column.
            marker = text.substring(open + 6, close).strip();
            sentence = text.replace("<cite>", "").replace("</cite>", "");
        }
        return new LabelledStatement(
                id,
                dataset,
                split,
                paper,
                new ClassifierInput(before, sentence, after, marker.strip(), List.of(), section),
                Label.fromWireName(label));
    }

    /** Optional TSV columns (our own annotations carry the neighbouring sentences and the section). */
    private static String optional(String[] f, Map<String, Integer> col, String name) {
        return col.containsKey(name) ? f[col.get(name)] : "";
    }

    /** The clinical set's sentences all come from Discussion sections (its README); other sets do not say. */
    private static SectionType section(String[] f, Map<String, Integer> col, String dataset) {
        if (col.containsKey("section") && !f[col.get("section")].isBlank())
            return SectionType.fromWireName(f[col.get("section")]);
        return dataset.equals("clinical") ? SectionType.DISCUSSION : null;
    }

    private static Map<String, Integer> columns(String[] header) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) col.put(header[i].strip(), i);
        return col;
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /** The distinct dataset names in first-seen order. */
    public static List<String> datasets(List<LabelledStatement> rows) {
        return Arrays.asList(
                rows.stream().map(LabelledStatement::dataset).distinct().toArray(String[]::new));
    }
}

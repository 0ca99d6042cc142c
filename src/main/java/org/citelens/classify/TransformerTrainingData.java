package org.citelens.classify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes statements as the transformer trainer reads them: one JSON object per line with the row's id, dataset,
 * split, citing paper (the cross-validation group), label index ({@link Labels} order, -1 for an unlabelled
 * statement), the encoder input built by {@link TransformerInputBuilder} and, when a teacher is given, the teacher's
 * raw logits for the trainer's distillation loss. The Python trainer never tokenises, so training and run time see
 * the same ids.
 */
public final class TransformerTrainingData {
    /** The split name of unlabelled statements: trained on (through the teacher's logits), never scored. */
    public static final String UNLABELLED = "unlabelled";

    private static final int TEACHER_BLOCK = 256;
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private final TransformerInputBuilder builder;
    private final TransformerClassifier teacher;

    /** @param teacher the model whose logits go with each training row, or null for none */
    public TransformerTrainingData(TransformerInputBuilder builder, TransformerClassifier teacher) {
        this.builder = builder;
        this.teacher = teacher;
    }

    /**
     * Writes labelled rows; the teacher, if any, scores the training rows only (held-out rows are never distilled
     * on). Returns the number of rows written.
     */
    public int write(List<LabelledStatement> rows, Writer out) throws IOException {
        List<Row> encoded = new ArrayList<>(rows.size());
        for (LabelledStatement row : rows) {
            encoded.add(new Row(
                    row.id(), row.dataset(), row.split(), row.citingPaper(), Labels.index(row.label()),
                    builder.build(row.input()), "train".equals(row.split())));
        }
        return writeRows(encoded, out);
    }

    /** Writes unlabelled statements of one dataset, split {@value #UNLABELLED}; returns the number written. */
    public int writeUnlabelled(String dataset, List<UnlabelledStatement> statements, Writer out) throws IOException {
        List<Row> encoded = new ArrayList<>(statements.size());
        for (UnlabelledStatement s : statements) {
            encoded.add(new Row(s.id(), dataset, UNLABELLED, s.citingPaper(), -1, builder.build(s.input()), true));
        }
        return writeRows(encoded, out);
    }

    private int writeRows(List<Row> rows, Writer out) throws IOException {
        for (int from = 0; from < rows.size(); from += TEACHER_BLOCK) {
            List<Row> block = rows.subList(from, Math.min(rows.size(), from + TEACHER_BLOCK));
            double[][] logits = teacherLogits(block);
            for (int k = 0; k < block.size(); k++) {
                Row r = block.get(k);
                JSON.writeValue(out, new Line(r.id, r.dataset, r.split, r.paper, r.label, r.input.ids(),
                        r.input.typeIds(), logits[k]));
                out.write('\n');
            }
        }
        return rows.size();
    }

    private double[][] teacherLogits(List<Row> block) {
        double[][] out = new double[block.size()][];
        if (teacher == null) return out;
        List<TransformerInput> wanted = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < block.size(); k++) {
            if (block.get(k).distil) {
                wanted.add(block.get(k).input);
                at.add(k);
            }
        }
        double[][] scored = wanted.isEmpty() ? new double[0][] : teacher.logits(wanted);
        for (int i = 0; i < scored.length; i++) out[at.get(i)] = scored[i];
        return out;
    }

    private record Row(String id, String dataset, String split, String paper, int label, TransformerInput input,
            boolean distil) {}

    /** One line of the file; {@code teacher} is absent when no teacher scored the row. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String id, String dataset, String split, String paper, int label, long[] ids, long[] types,
            double[] teacher) {}
}

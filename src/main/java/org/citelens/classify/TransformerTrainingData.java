package org.citelens.classify;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes labelled statements as the transformer trainer reads them: one JSON object per line with the row's id,
 * dataset, split, citing paper (the cross-validation group), label index ({@link Labels} order) and the encoder
 * input built by {@link TransformerInputBuilder}. The Python trainer never tokenises, so training and run time
 * see the same ids.
 */
public final class TransformerTrainingData {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private TransformerTrainingData() {}

    /** Returns the number of rows written. */
    public static int write(List<LabelledStatement> rows, TransformerInputBuilder builder, Writer out)
            throws IOException {
        for (LabelledStatement row : rows) {
            TransformerInput in = builder.build(row.input());
            JSON.writeValue(
                    out,
                    new Line(
                            row.id(),
                            row.dataset(),
                            row.split(),
                            row.citingPaper(),
                            Labels.index(row.label()),
                            in.ids(),
                            in.typeIds()));
            out.write('\n');
        }
        return rows.size();
    }

    /** One line of the file. */
    public record Line(String id, String dataset, String split, String paper, int label, long[] ids, long[] types) {}
}

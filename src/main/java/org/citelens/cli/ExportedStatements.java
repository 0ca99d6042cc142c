package org.citelens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.citelens.classify.ClassifierInput;
import org.citelens.classify.UnlabelledStatement;
import org.citelens.model.SectionType;

/**
 * Statements as {@code export --format jsonl} writes them, read back as classifier inputs (for transformer-data's
 * distillation rows, and for the bench programs that measure labellers on the exported corpus).
 */
public final class ExportedStatements {
    private ExportedStatements() {}

    /** Every line of the file; a line without id, citing article or sentence is a failure naming the line. */
    public static List<UnlabelledStatement> read(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<UnlabelledStatement> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonNode n;
                try {
                    n = json.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new CommandFailedException(
                            jsonl + " line " + lineNo + " is not valid JSON: " + e.getOriginalMessage());
                }
                String id = n.path("id").asText("");
                String article = n.path("citing").path("articleId").asText("");
                String sentence = n.path("sentence").asText("");
                if (id.isEmpty() || article.isEmpty() || sentence.isBlank()) {
                    throw new CommandFailedException(jsonl + " line " + lineNo
                            + " is not an exported statement (needs id, citing.articleId and sentence; write the file"
                            + " with `export --format jsonl`)");
                }
                out.add(new UnlabelledStatement(id, article, new ClassifierInput(
                        n.path("before").asText(""), sentence, n.path("after").asText(""),
                        n.path("marker").asText(""), List.of(),
                        section(n.path("section").asText(""), jsonl, lineNo))));
            }
        }
        return out;
    }

    private static SectionType section(String name, Path jsonl, long lineNo) {
        if (name.isEmpty()) return null;
        try {
            return SectionType.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(jsonl + " line " + lineNo + ": " + e.getMessage());
        }
    }
}

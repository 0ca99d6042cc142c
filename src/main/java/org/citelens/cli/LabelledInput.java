package org.citelens.cli;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.citelens.classify.LabelledData;
import org.citelens.classify.LabelledStatement;

/** The {@code --data} files of train and evaluate: each checked before any work, read with one-line failures. */
final class LabelledInput {
    private LabelledInput() {}

    /** A missing file is a usage error naming it; a file that cannot be read as labelled data, a failure. */
    static List<LabelledStatement> read(String commaSeparatedPaths) {
        for (String p : commaSeparatedPaths.split(",")) {
            if (!p.isBlank() && !Files.isRegularFile(Path.of(p.strip()))) {
                throw new UsageException("--data " + p.strip() + ": no such file");
            }
        }
        try {
            return LabelledData.readAll(commaSeparatedPaths);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(e.getMessage());
        } catch (UncheckedIOException e) {
            String why = e.getCause() instanceof CharacterCodingException
                    ? "is not UTF-8 text"
                    : e.getCause().toString();
            throw new CommandFailedException(e.getMessage() + ": " + why);
        }
    }
}

package org.citelens.harvest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.citelens.crawl.JsonLinesFile;

/**
 * The outcome of every citing work handled so far, appended (and synced) to {@code harvest-state.jsonl} as each
 * work finishes, so a harvest killed half-way resumes with the works it had not reached. The crawler's JSON Lines
 * file cuts a line torn by the kill; the last line of a work wins (an ingest may overrule a fetch's verdict).
 */
final class HarvestState implements Closeable {
    static final String FILE_NAME = "harvest-state.jsonl";

    record Entry(String key, CitingWork work, WorkOutcome outcome) {}

    private final JsonLinesFile file;
    private final Map<String, WorkOutcome> outcomes = new HashMap<>();

    HarvestState(Path out) throws IOException {
        this.file = new JsonLinesFile(out.resolve(FILE_NAME));
        file.replay(Entry.class, e -> outcomes.put(e.key(), e.outcome()));
    }

    Optional<WorkOutcome> outcome(String key) {
        return Optional.ofNullable(outcomes.get(key));
    }

    void record(CitingWork w, WorkOutcome o) throws IOException {
        file.append(new Entry(w.key(), w, o), true);
        outcomes.put(w.key(), o);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}

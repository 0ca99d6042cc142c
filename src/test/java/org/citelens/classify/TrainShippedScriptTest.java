package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./run.sh train-transformer` (train-shipped.sh) refuses, before it fetches or trains anything, what it cannot
 * finish: an hour of training must not end in a model the shipped run time cannot load.
 */
class TrainShippedScriptTest {
    @TempDir
    Path tmp;

    @Test
    void aFoldOutsideZeroToFourIsAUsageError() throws Exception {
        Result r = run("--clinical-fold", "5");
        assertEquals(2, r.exit(), r.output());
        assertTrue(r.output().contains("--clinical-fold takes 0 to 4, not '5'"), r.output());
    }

    @Test
    void theMarkerPoolIsRefusedForTheShippedModelWhoseEarlyExitCannotRunIt() throws Exception {
        Result shipped = run("--pool", "mean+marker");
        assertEquals(2, shipped.exit(), shipped.output());
        assertTrue(shipped.output().contains("--pool mean+marker is for --clinical-fold runs"), shipped.output());
        assertEquals(2, run("--threads", "1", "--pool=mean+marker").exit(), "the --pool=VALUE spelling too");
        // The refusal is E5-small's alone (the one-graph encoders find the marker themselves): with another encoder
        // the script goes on, here as far as refusing the unknown name.
        Result other = run("--encoder", "no-such-encoder", "--pool", "mean+marker");
        assertTrue(other.output().contains("--encoder takes e5-small"), other.output());
    }

    private record Result(int exit, String output) {}

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "src/main/python/transformer/train-shipped.sh"));
        command.addAll(List.of(args));
        Path log = tmp.resolve("train-shipped.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            // It went past its checks and is training: stop it, or it would run for an hour after the test.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("train-shipped.sh did not stop at its argument checks within 60 s");
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}

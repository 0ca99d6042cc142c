package org.citelens.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the offline training scripts in src/main/python/transformer with Debian's Python, as train-shipped.sh
 * does, its output (stdout and stderr) written to a log file and returned with the exit code.
 */
record TrainerScript(int exitValue, String output) {
    static TrainerScript run(String script, Path log, long timeoutSeconds, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "src/main/python/transformer/" + script));
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), script + " finished in time");
        return new TrainerScript(p.exitValue(), Files.readString(log));
    }
}

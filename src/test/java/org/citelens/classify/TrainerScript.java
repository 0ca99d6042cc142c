package org.citelens.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the offline training scripts in src/main/python/transformer (with Debian's Python, as train-shipped.sh
 * does, or a shell script with bash), its output (stdout and stderr) written to a log file and returned with the exit
 * code.
 */
record TrainerScript(int exitValue, String output) {
    private static final String DIR = "src/main/python/transformer/";

    /** Skips the calling test when CITELENS_SKIP_TRAINER=1 (a machine without Debian's PyTorch). */
    static void assumeWanted() {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                "1".equals(System.getenv("CITELENS_SKIP_TRAINER")), "trainer test skipped by CITELENS_SKIP_TRAINER=1");
    }

    static TrainerScript run(String script, Path log, long timeoutSeconds, List<String> args) throws Exception {
        return start(List.of("/usr/bin/python3", DIR + script), log, timeoutSeconds, args);
    }

    static TrainerScript bash(String script, Path log, long timeoutSeconds, List<String> args) throws Exception {
        return start(List.of("bash", DIR + script), log, timeoutSeconds, args);
    }

    private static TrainerScript start(List<String> program, Path log, long timeoutSeconds, List<String> args)
            throws Exception {
        List<String> command = new ArrayList<>(program);
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            // A script past its checks may be training for an hour: stop it with its children, not only fail.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(program.get(1) + " did not finish within " + timeoutSeconds + " s");
        }
        return new TrainerScript(p.exitValue(), Files.readString(log));
    }
}

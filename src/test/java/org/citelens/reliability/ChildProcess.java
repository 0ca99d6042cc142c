package org.citelens.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@code citelens} command in its own JVM (this JVM's java and class path), with its output lines readable as
 * they come, so a test can kill it with SIGKILL ({@link Process#destroyForcibly()}) at a moment it chooses.
 */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();

    private ChildProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) lines.add(line);
                    } catch (IOException e) {
                        // the process was killed: its output simply ends
                    }
                },
                "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcess start(Path workDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1"); // a short-lived child: start fast rather than peak fast
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.citelens.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        return new ChildProcess(pb.start());
    }

    /** Waits for an output line containing all of {@code parts}; false when the process ended or time ran out. */
    boolean awaitLine(long timeoutMillis, String... parts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive() && lines.isEmpty()) return false;
                continue;
            }
            all.add(line);
            boolean match = true;
            for (String p : parts) match &= line.contains(p);
            if (match) return true;
        }
        return false;
    }

    /** Waits for an output line the pattern finds something in; null when the process ended or time ran out. */
    String awaitLineMatching(long timeoutMillis, java.util.regex.Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive() && lines.isEmpty()) return null;
                continue;
            }
            all.add(line);
            if (pattern.matcher(line).find()) return line;
        }
        return null;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL on Unix: no shutdown hook, no finally block, no flush runs in the child. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int waitFor(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("child did not finish within " + timeoutMillis + " ms:\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        lines.drainTo(all);
        return String.join("\n", all);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}

package org.citelens.growth;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** What the machine and a process look like at one moment: load average, heap after a GC, resident memory, disk. */
final class ProcessFigures {
    private ProcessFigures() {}

    /** The 1-minute load average (the machine is shared: every figure is read beside it). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** CPU seconds this JVM has used. */
    static double cpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** Heap in use after a full GC, in MB: what the live objects need, not what the collector let pile up. */
    static double heapAfterGcMb() {
        for (int i = 0; i < 2; i++) System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    }

    /** VmRSS, VmHWM (peak), RssAnon and RssFile (mapped index files) of a process, in MB; empty off Linux. */
    static Map<String, Double> residentMb(long pid) {
        Map<String, Double> out = new LinkedHashMap<>();
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try (Stream<String> lines = Files.lines(status)) {
            lines.forEach(line -> {
                for (String key : new String[] {"VmRSS", "VmHWM", "RssAnon", "RssFile"}) {
                    if (line.startsWith(key + ":")) {
                        String kb = line.substring(key.length() + 1).strip().split("\\s+")[0];
                        out.put(key, Long.parseLong(kb) / 1024.0);
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone: no figure rather than a wrong one
        }
        return out;
    }

    /** Bytes of every file under {@code dir}. */
    static long diskBytes(Path dir) throws IOException {
        if (!Files.exists(dir)) return 0;
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0; // a segment merged away while we walked
                }
            }).sum();
        }
    }

    /** The heap a running JVM reports in use ({@code jcmd PID GC.heap_info}), in MB; NaN when jcmd cannot say. */
    static double otherJvmHeapUsedMb(long pid) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            var m = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }
}

package org.citelens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --flag value} arguments. A flag may repeat ({@code --seed a --seed b}) or take several values
 * ({@code --allow a b}); a flag followed by another flag or nothing is a boolean switch.
 */
public final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    public Args(List<String> raw) {
        String current = null;
        for (String a : raw) {
            if (a.startsWith("--") && a.length() > 2) {
                String flag = a.substring(2);
                String inline = null;
                int eq = flag.indexOf('=');
                if (eq > 0) {
                    inline = flag.substring(eq + 1);
                    flag = flag.substring(0, eq);
                }
                current = flag;
                values.computeIfAbsent(flag, k -> new ArrayList<>());
                if (inline != null) {
                    values.get(flag).add(inline);
                    current = null;
                }
            } else if (current != null) {
                values.get(current).add(a);
            } else {
                positional.add(a);
            }
        }
    }

    public boolean has(String flag) {
        return values.containsKey(flag);
    }

    public String get(String flag) {
        List<String> v = values.get(flag);
        return v == null || v.isEmpty() ? null : v.get(v.size() - 1);
    }

    public String get(String flag, String fallback) {
        String v = get(flag);
        return v == null ? fallback : v;
    }

    public String require(String flag) {
        String v = get(flag);
        if (v == null) throw new UsageException("missing --" + flag);
        return v;
    }

    public Path requirePath(String flag) {
        return Path.of(require(flag));
    }

    public List<String> all(String flag) {
        return List.copyOf(values.getOrDefault(flag, List.of()));
    }

    public int getInt(String flag, int fallback) {
        String v = get(flag);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + flag + " takes a whole number, not '" + v + "'");
        }
    }

    public long getLong(String flag, long fallback) {
        String v = get(flag);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + flag + " takes a whole number, not '" + v + "'");
        }
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Fails with a usage error naming any flag the command does not know. */
    public void allowOnly(Set<String> known) {
        for (String f : values.keySet()) {
            if (!known.contains(f))
                throw new UsageException("unknown option --" + f + "; known: --" + String.join(", --", known));
        }
    }
}

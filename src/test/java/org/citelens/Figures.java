package org.citelens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The figures the build asserts for one area, read from {@code src/test/resources/figures/AREA.properties}: a floor
 * ({@code NAME.min}), a ceiling ({@code NAME.max}), an expected value with its tolerance ({@code NAME.expected},
 * {@code NAME.tolerance}) or an exact count ({@code NAME}). The docs quote the same files, so a figure changes in
 * one place; {@code FiguresQuotedInDocsTest} checks that the docs a file names quote its values.
 */
public final class Figures {
    private final String area;
    private final Properties values;

    private Figures(String area, Properties values) {
        this.area = area;
        this.values = values;
    }

    public static Figures of(String area) {
        Properties p = new Properties();
        try (InputStream in = Figures.class.getResourceAsStream("/figures/" + area + ".properties")) {
            if (in == null) throw new IllegalStateException("no figures/" + area + ".properties on the test classpath");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Figures(area, p);
    }

    /** The value as written in the file. */
    public String raw(String key) {
        String v = values.getProperty(key);
        if (v == null) throw new IllegalStateException("figures/" + area + ".properties has no " + key);
        return v.strip();
    }

    public double value(String key) {
        return Double.parseDouble(raw(key));
    }

    public int count(String name) {
        return Integer.parseInt(raw(name));
    }

    public void atLeast(String name, double actual, String detail) {
        double min = value(name + ".min");
        assertTrue(actual >= min, area + " " + name + " " + actual + " below " + min + ": " + detail);
    }

    public void atMost(String name, double actual, String detail) {
        double max = value(name + ".max");
        assertTrue(actual <= max, area + " " + name + " " + actual + " above " + max + ": " + detail);
    }

    public void near(String name, double actual) {
        assertEquals(value(name + ".expected"), actual, value(name + ".tolerance"), area + " " + name);
    }

    Properties all() {
        return values;
    }
}

package org.citelens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every figure file names the docs that quote it ({@code docs=}); each of those must name the file and hold each of
 * its asserted values as written, so a changed figure cannot leave a stale copy in the docs.
 */
class FiguresQuotedInDocsTest {
    @Test
    void theDocsQuoteEveryAssertedFigure() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/figures"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties"))
                    .sorted()
                    .toList()) {
                String area = file.getFileName().toString().replace(".properties", "");
                Figures figures = Figures.of(area);
                for (String doc : figures.raw("docs").split(",")) {
                    String text = Files.readString(Path.of(doc.strip()));
                    if (!text.contains("figures/" + area + ".properties"))
                        missing.add(doc + " does not name figures/" + area);
                    for (String key : figures.all().stringPropertyNames()) {
                        if (key.equals("docs")) continue;
                        String v = figures.raw(key);
                        if (!text.contains(v)) missing.add(doc + " does not quote " + area + " " + key + " = " + v);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}

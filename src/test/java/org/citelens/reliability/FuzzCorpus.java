package org.citelens.reliability;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Generates a folder of broken and hostile documents from real articles with a fixed seed: every file is derived
 * from one of the good articles (so a mutant that still parses is a duplicate of its good original, never a new
 * article that would change what the good ones resolve to), plus the attacks the issue names. Each file is
 * recorded with its category and the skip kinds it may legitimately get (empty: any reason will do).
 */
final class FuzzCorpus {
    /** What a generated file is and which report kinds are acceptable for it. */
    record Expectation(String category, Set<String> kinds) {}

    static final String FOLDER = "z-fuzz";
    static final int NESTING = 100_000;
    static final long HUGE_BYTES = 200L * 1024 * 1024;
    static final int LINKS = 1_000_000;

    private final Path out;
    private final List<byte[]> good;
    private final List<String> goodNames;
    private final Random random;
    private final Map<String, Expectation> files = new LinkedHashMap<>();

    FuzzCorpus(Path corpusDir, List<Path> goodFiles, long seed) throws IOException {
        this.out = corpusDir.resolve(FOLDER);
        Files.createDirectories(out);
        this.good = new ArrayList<>();
        this.goodNames = new ArrayList<>();
        for (Path f : goodFiles) {
            good.add(Files.readAllBytes(f));
            goodNames.add(f.getFileName().toString());
        }
        this.random = new Random(seed);
    }

    Map<String, Expectation> files() {
        return Collections.unmodifiableMap(files);
    }

    /** The whole fuzz set; {@code canary} is a local file and {@code recorder} a loopback URL no one may touch. */
    FuzzCorpus generate(Path canary, ConnectionRecorder recorder) throws IOException {
        for (int i = 0; i < 300; i++) mutant("truncated", i, Set.of(), this::truncate);
        for (int i = 0; i < 250; i++) mutant("flipped", i, Set.of(), this::flip);
        for (int i = 0; i < 130; i++) mutant("truncated-and-flipped", i, Set.of(), b -> flip(truncate(b)));
        for (int i = 0; i < 160; i++) xmlMutant("invalid-utf8", i, Set.of("encoding"), this::invalidUtf8);
        for (int i = 0; i < 30; i++) xmlMutant("latin1-declared-utf8", i, Set.of("encoding"), this::latin1DeclaredUtf8);
        for (int i = 0; i < 10; i++) xmlMutant("utf16", i, Set.of("duplicate"), this::utf16);
        for (int i = 0; i < 10; i++)
            xmlMutant("utf16-odd-length", i, Set.of("encoding", "malformed-xml"), b -> {
                byte[] u = utf16(b);
                return Arrays.copyOf(u, u.length - 1);
            });
        for (int i = 0; i < 60; i++) mutant("shuffled-lines", i, Set.of(), this::shuffleLines);
        for (int i = 0; i < 5; i++) write("zero-byte-" + i + ".xml", new byte[0], "zero-byte", Set.of("empty"));
        for (int i = 0; i < 5; i++) {
            write(
                    "blank-" + i + ".xml",
                    " \n\t\n".repeat(i + 1).getBytes(StandardCharsets.US_ASCII),
                    "whitespace-only",
                    Set.of());
        }
        write(
                "declaration-only.xml",
                "<?xml version=\"1.0\"?>\n".getBytes(StandardCharsets.US_ASCII),
                "no-elements",
                Set.of("malformed-xml", "not-an-article"));
        for (int i = 0; i < 40; i++) {
            byte[] bin = new byte[512 + random.nextInt(64 * 1024)];
            random.nextBytes(bin);
            bin[random.nextInt(64)] = 0; // random data holds NULs; make sure of one near the start
            write("binary-" + i + ".xml", bin, "binary", Set.of("binary"));
        }
        for (int i = 0; i < 10; i++) write("gzipped-" + i + ".xml", gzip(pick(i)), "binary", Set.of("binary"));
        attacks(canary, recorder);
        return this;
    }

    private void attacks(Path canary, ConnectionRecorder recorder) throws IOException {
        String jats = text(0);
        String body = "<body>";
        int at = jats.indexOf(body) + body.length();
        String deep = jats.substring(0, at) + "<sec>".repeat(NESTING) + "<p>deep</p>" + "</sec>".repeat(NESTING)
                + jats.substring(at);
        write("nested-100000.xml", utf8(deep), "deep-nesting", Set.of("too-deep"));
        write(
                "nested-100000.html",
                utf8("<!DOCTYPE html><html><body>" + "<div>".repeat(NESTING) + "deep" + "</div>".repeat(NESTING)
                        + "</body></html>"),
                "deep-nesting",
                Set.of());
        hugeFile();
        linksFile();
        String laughs = "<!DOCTYPE article [<!ENTITY lol \"lol\">" + lolLevels() + "]>";
        write(
                "xml-bomb.xml",
                utf8("<?xml version=\"1.0\"?>" + laughs + "<article><body><p>&lol9;</p></body></article>"),
                "xml-bomb",
                Set.of("entity-declaration"));
        write(
                "xml-bomb-in-article.xml",
                utf8(withDoctype(jats, laughs, "&lol9;")),
                "xml-bomb",
                Set.of("entity-declaration"));
        String big = "x".repeat(50_000);
        write(
                "quadratic-blowup.xml",
                utf8(withDoctype(jats, "<!DOCTYPE article [<!ENTITY a \"" + big + "\">]>", "&a;".repeat(50_000))),
                "xml-bomb",
                Set.of("entity-declaration"));
        String file = canary.toAbsolutePath().toString();
        Map<String, String> xxe = new LinkedHashMap<>();
        xxe.put("xxe-file-url", "<!DOCTYPE article [<!ENTITY xxe SYSTEM \"" + canary.toUri() + "\">]>");
        xxe.put("xxe-file-path", "<!DOCTYPE article [<!ENTITY xxe SYSTEM \"" + file + "\">]>");
        xxe.put("xxe-http", "<!DOCTYPE article [<!ENTITY xxe SYSTEM \"" + recorder.url("xxe") + "\">]>");
        xxe.put(
                "xxe-public",
                "<!DOCTYPE article [<!ENTITY xxe PUBLIC \"-//X//EN\" \"" + recorder.url("public") + "\">]>");
        xxe.put("xxe-parameter", "<!DOCTYPE article [<!ENTITY % p SYSTEM \"" + recorder.url("param") + "\"> %p;]>");
        for (var e : xxe.entrySet()) {
            write(
                    e.getKey() + ".xml",
                    utf8(withDoctype(jats, e.getValue(), "&xxe;")),
                    "xxe",
                    Set.of("entity-declaration"));
        }
        String remoteDtd = "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD"
                + " v1.1 20151215//EN\" \"" + recorder.url("JATS-archivearticle1.dtd") + "\">";
        write("remote-dtd.xml", utf8(withDoctype(jats, remoteDtd, "")), "remote-dtd", Set.of("duplicate"));
        String xinclude = jats.replaceFirst(
                "<p>",
                "<p><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + canary.toUri()
                        + "\" parse=\"text\"/>");
        write("xinclude.xml", utf8(xinclude), "xinclude", Set.of("duplicate"));
        write(
                "xxe-html.html",
                utf8("<!DOCTYPE html [<!ENTITY xxe SYSTEM \"" + canary.toUri() + "\">]><html><head>"
                        + "<meta name=\"citation_title\" content=\"x\"></head><body><p>&xxe; <a href=\""
                        + recorder.url("a")
                        + "\">link</a><img src=\"" + recorder.url("img") + "\"></p></body></html>"),
                "xxe",
                Set.of());
    }

    private static String lolLevels() {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 9; i++) {
            s.append("<!ENTITY lol").append(i).append(" \"");
            s.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10));
            s.append("\">");
        }
        return s.toString();
    }

    /** The article with its DOCTYPE replaced and {@code reference} put at the start of its first paragraph. */
    private static String withDoctype(String jats, String doctype, String reference) {
        String noDoctype = jats.replaceFirst("(?s)<!DOCTYPE[^>]*>", "");
        return doctype + noDoctype.replaceFirst("<p>", "<p>" + java.util.regex.Matcher.quoteReplacement(reference));
    }

    private void hugeFile() throws IOException {
        Path p = out.resolve("huge-200mb.xml");
        byte[] chunk = utf8("<p>" + "All work and no play makes a large file. ".repeat(100) + "</p>\n");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            o.write(utf8("<article><body><sec>"));
            long written = 0;
            while (written < HUGE_BYTES) {
                o.write(chunk);
                written += chunk.length;
            }
            o.write(utf8("</sec></body></article>"));
        }
        files.put(FOLDER + "/" + p.getFileName(), new Expectation("huge", Set.of("too-large")));
    }

    private void linksFile() throws IOException {
        Path p = out.resolve("links-1000000.html");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            o.write(utf8(
                    "<!DOCTYPE html><html><head><meta name=\"citation_title\" content=\"Links\"></head><body><p>"));
            for (int i = 0; i < LINKS; i++) o.write(utf8("<a href=\"#r" + (i % 50) + "\">[" + i + "]</a> "));
            o.write(utf8("</p><ol>"));
            for (int i = 0; i < 50; i++) o.write(utf8("<li id=\"r" + i + "\">Ref " + i + "</li>"));
            o.write(utf8("</ol></body></html>"));
        }
        files.put(FOLDER + "/" + p.getFileName(), new Expectation("million-links", Set.of("too-many-elements")));
    }

    private interface Mutation {
        byte[] apply(byte[] b) throws IOException;
    }

    private void mutant(String category, int i, Set<String> kinds, Mutation m) throws IOException {
        int source = i % good.size();
        write(
                category + "-" + i + "-" + goodNames.get(source),
                m.apply(good.get(source).clone()),
                category,
                kinds);
    }

    /** Only on XML sources: the expectations (e.g. "encoding") are what XML must get; HTML is lenient by design. */
    private void xmlMutant(String category, int i, Set<String> kinds, Mutation m) throws IOException {
        List<Integer> xml = new ArrayList<>();
        for (int k = 0; k < good.size(); k++) if (goodNames.get(k).endsWith(".xml")) xml.add(k);
        int source = xml.get(i % xml.size());
        write(
                category + "-" + i + "-" + goodNames.get(source),
                m.apply(good.get(source).clone()),
                category,
                kinds);
    }

    private byte[] truncate(byte[] b) {
        return Arrays.copyOf(b, 1 + random.nextInt(b.length - 1));
    }

    private byte[] flip(byte[] b) {
        int n = 1 + random.nextInt(8);
        for (int k = 0; k < n; k++) b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        return b;
    }

    private byte[] invalidUtf8(byte[] b) {
        byte[][] bad = {
            {(byte) 0xFF},
            {(byte) 0xC3, '('},
            {(byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xE2, (byte) 0x82}
        };
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = textOffset(b);
        ByteArrayOutputStream o = new ByteArrayOutputStream(b.length + 4);
        o.write(b, 0, at);
        o.writeBytes(insert);
        o.write(b, at, b.length - at);
        return o.toByteArray();
    }

    /** An offset inside text content (after a '>' and before the next '<'), so only the encoding is wrong. */
    private int textOffset(byte[] b) {
        for (int tries = 0; tries < 1000; tries++) {
            int i = random.nextInt(b.length);
            while (i < b.length && b[i] != '>') i++;
            if (i + 2 < b.length && b[i + 1] != '<' && b[i + 1] != '\n') return i + 1;
        }
        return b.length / 2;
    }

    private byte[] latin1DeclaredUtf8(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8).replaceFirst("<p>", "<p>Caf\u00e9 na\u00efve \u00b5m ");
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + s).getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] utf16(byte[] b) {
        String s = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + new String(b, StandardCharsets.UTF_8);
        return s.getBytes(random.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE);
    }

    private byte[] shuffleLines(byte[] b) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.UTF_8).split("\n")));
        Collections.shuffle(lines, random);
        return utf8(String.join("\n", lines));
    }

    private byte[] pick(int i) {
        return good.get(i % good.size());
    }

    private String text(int i) {
        for (int k = i; k < good.size(); k++)
            if (goodNames.get(k).endsWith(".xml")) return new String(good.get(k), StandardCharsets.UTF_8);
        throw new IllegalStateException("no JATS article among the good files");
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(o)) {
            g.write(b);
        }
        return o.toByteArray();
    }

    private void write(String name, byte[] content, String category, Set<String> kinds) throws IOException {
        String n = name.endsWith(".xml") || name.endsWith(".html") || name.endsWith(".htm") ? name : name + ".xml";
        Files.write(out.resolve(n), content);
        if (files.put(FOLDER + "/" + n, new Expectation(category, kinds)) != null) {
            throw new IllegalStateException("generated two files named " + n);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

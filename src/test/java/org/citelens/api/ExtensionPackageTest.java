package org.citelens.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged extension as {@code ./run.sh extension-zip} builds it: Manifest V3, every file the manifest and its
 * pages name is in the zip and nothing else, and no remote code (no script from the network, no eval).
 */
class ExtensionPackageTest {
    private static final Pattern LOCAL_REF = Pattern.compile("(?:src|href)=\"([^\":#?]+\\.(?:js|css|png))\"");

    @Test
    void theZipHoldsTheExtensionItsManifestNamesAndNoRemoteCode() throws Exception {
        Process p = new ProcessBuilder("bash", "run.sh", "extension-zip")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Path zip = Path.of(out);
        assertTrue(Files.isRegularFile(zip), out);

        Set<String> entries = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            z.stream().filter(e -> !e.isDirectory()).forEach(e -> entries.add(e.getName()));
            JsonNode manifest = new ObjectMapper().readTree(z.getInputStream(z.getEntry("manifest.json")));
            assertEquals(3, manifest.get("manifest_version").asInt());
            assertFalse(manifest.has("key"), "no development key in a store upload");
            assertEquals(zip.getFileName().toString(), "citelens-extension-" + manifest.get("version").asText() + ".zip");
            named.add("manifest.json");
            manifest.get("icons").forEach(i -> named.add(i.asText()));
            named.add(manifest.at("/background/service_worker").asText());
            manifest.at("/content_scripts/0/js").forEach(j -> named.add(j.asText()));
            for (String page : new String[] {
                manifest.at("/action/default_popup").asText(), manifest.at("/options_ui/page").asText()
            }) {
                named.add(page);
                String html = new String(z.getInputStream(z.getEntry(page)).readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(html.matches("(?s).*<script[^>]+src=\"https?:.*"), page + " loads a remote script");
                Matcher m = LOCAL_REF.matcher(html);
                while (m.find()) named.add(m.group(1));
            }
            for (String js : entries) {
                if (!js.endsWith(".js")) continue;
                String code = new String(z.getInputStream(z.getEntry(js)).readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(code.contains("eval(") || code.contains("new Function("), js + " evaluates code");
                assertFalse(code.contains("importScripts(") || code.contains("import("), js + " imports code");
            }
        }
        assertEquals(named, entries, "the zip holds exactly the files the extension uses");
    }
}

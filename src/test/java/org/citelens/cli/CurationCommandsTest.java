package org.citelens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bad inputs of notices import, feedback export and serve's curation switches: one line, exit 2 or 1. */
class CurationCommandsTest {
    @TempDir
    Path tmp;

    private record Run(int code, String stderr) {
        String lastLine() {
            String s = stderr.strip();
            assertFalse(s.contains("Exception") || s.contains("\tat "), "no exception: " + s);
            return s.substring(s.lastIndexOf('\n') + 1);
        }
    }

    private static Run run(String... argv) {
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Run(Main.run(argv), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }

    @Test
    void noticesImportRefusesUsageMistakesAndAFileWithoutTheColumnsItNeeds() throws Exception {
        Path index = Files.createDirectories(tmp.resolve("index"));
        assertEquals(2, run("notices", "--file", "x.csv", "--index", index.toString()).code());
        Run missing = run("notices", "import", "--file", tmp.resolve("none.csv").toString(), "--index", index.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.lastLine().contains("none.csv: no such file"), missing.stderr());
        Path csv = tmp.resolve("wrong.csv");
        Files.writeString(csv, "Title,Journal\nA paper,A journal\n");
        Run noIndex = run("notices", "import", "--file", csv.toString(), "--index", tmp.resolve("nope").toString());
        assertEquals(2, noIndex.code());
        Run noLucene = run("notices", "import", "--file", csv.toString(), "--index", index.toString());
        assertEquals(1, noLucene.code(), noLucene.stderr());
        assertTrue(noLucene.lastLine().contains("no Citelens index"), noLucene.stderr());
    }

    /** The work folder of a Solr deployment takes a Retraction Watch CSV as an index folder does. */
    @Test
    void noticesImportIntoTheWorkFolderOfASolrDeployment() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("solr-work"));
        String csv = org.citelens.testdata.RepositoryFiles.dataRoot()
                .resolve("notices/retraction-watch-sample.csv")
                .toString();
        Run imported = run("notices", "import", "--file", csv, "--work", work.toString());
        assertEquals(0, imported.code(), imported.stderr());
        assertTrue(imported.lastLine().contains("not checked against a collection"), imported.stderr());
        int notices = org.citelens.notice.NoticeStore.of(work).current().size();
        assertTrue(notices > 10, "notices in the work folder: " + notices);
        Run again = run("notices", "import", "--file", csv, "--work", work.toString());
        assertTrue(again.lastLine().contains("0 notices imported"), again.stderr());
        assertEquals(notices, org.citelens.notice.NoticeStore.of(work).current().size(), "idempotent");

        Path index = Files.createDirectories(tmp.resolve("index"));
        Run both = run("notices", "import", "--file", csv, "--work", work.toString(), "--index", index.toString());
        assertEquals(2, both.code());
        assertTrue(both.lastLine().contains("either --index DIR"), both.stderr());
        assertEquals(2, run("notices", "import", "--file", csv, "--solr", "http://127.0.0.1:1/solr",
                "--collection", "statements").code());
        Run noFolder = run("notices", "import", "--file", csv, "--work", tmp.resolve("nope").toString());
        assertEquals(2, noFolder.code());
        assertTrue(noFolder.lastLine().contains("is not a folder"), noFolder.stderr());
        assertFalse(Files.exists(tmp.resolve("nope")), "a mistyped folder is not made");
    }

    @Test
    void feedbackExportWantsATsvInAnExistingFolder() throws Exception {
        Path index = Files.createDirectories(tmp.resolve("index"));
        assertEquals(2, run("feedback", "--index", index.toString(), "--out", "x.tsv").code());
        Run csv = run("feedback", "export", "--index", index.toString(), "--out", tmp.resolve("x.csv").toString());
        assertEquals(2, csv.code());
        assertTrue(csv.lastLine().contains("must end in .tsv"), csv.stderr());
        Run folder = run(
                "feedback", "export", "--index", index.toString(), "--out", tmp.resolve("no/such/x.tsv").toString());
        assertEquals(2, folder.code());
    }

    @Test
    void serveRefusesAShortOrMissingAdminTokenBeforeOpeningAnything() throws Exception {
        Path index = Files.createDirectories(tmp.resolve("index"));
        Path token = tmp.resolve("token");
        Files.writeString(token, "short\n");
        Run shortToken = run("serve", "--index", index.toString(), "--admin-token-file", token.toString());
        assertEquals(2, shortToken.code());
        assertTrue(shortToken.lastLine().contains("shorter than 16 characters"), shortToken.stderr());
        assertFalse(shortToken.stderr().contains("short\n"), "the token is never printed");
        Run noFile = run("serve", "--index", index.toString(), "--admin-token-file", tmp.resolve("nope").toString());
        assertEquals(2, noFile.code());
        assertEquals(2, run("serve", "--index", index.toString(), "--feedback", "maybe").code());
    }

    @Test
    void overSolrFeedbackAndCurationNeedAWorkFolder() throws Exception {
        Path token = tmp.resolve("token");
        Files.writeString(token, "a-long-enough-curator-token\n");
        // refused before any Solr node is asked: the URL below has no server
        String solr = "http://127.0.0.1:9/solr";
        for (String[] flags : List.of(new String[] {"--feedback"}, new String[] {"--admin-token-file", token.toString()})) {
            List<String> argv = new ArrayList<>(List.of("serve", "--solr", solr, "--collection", "statements"));
            argv.addAll(List.of(flags));
            Run r = run(argv.toArray(String[]::new));
            assertEquals(2, r.code(), r.stderr());
            assertTrue(r.lastLine().contains("need --work DIR"), r.stderr());
            assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        }
        Run workWithoutSolr = run("serve", "--index", tmp.toString(), "--work", tmp.toString());
        assertEquals(2, workWithoutSolr.code());
        assertTrue(workWithoutSolr.lastLine().contains("--work goes with --solr"), workWithoutSolr.stderr());
    }
}

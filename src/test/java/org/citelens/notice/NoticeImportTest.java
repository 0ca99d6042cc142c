package org.citelens.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.citelens.model.EditorialNotice;
import org.citelens.model.NoticeType;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Retraction Watch reader and the notice file on the fixtures of corpus/notices (every notice invented). */
class NoticeImportTest {
    private static final Set<String> CORPUS_WORKS =
            Set.of("10.4103/0973-7847.65323", "10.1186/1471-2164-15-588", "10.1371/journal.pone.0080464");

    @TempDir
    Path index;

    private static Path fixture(String name) {
        return RepositoryFiles.dataRoot().resolve("notices").resolve(name);
    }

    private static Reader open(String name) throws IOException {
        return Files.newBufferedReader(fixture(name), StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryRowOfTheSampleAndSaysWhyTheBadOnesGiveNoNotice() throws IOException {
        List<RetractionWatchCsv.Row> rows = new ArrayList<>();
        try (Reader in = open("retraction-watch-sample.csv")) {
            RetractionWatchCsv.read(in, rows::add);
        }
        assertEquals(34, rows.size());
        EditorialNotice first = rows.get(0).notice();
        assertEquals("10.4103/0973-7847.65323", first.workDoi());
        assertEquals(NoticeType.RETRACTION, first.type());
        assertEquals(LocalDate.of(2016, 3, 14), first.date());
        assertEquals("10.5555/citelens.rw.90001", first.noticeDoi());
        assertEquals("Duplication of Text; Investigation by Journal/Publisher", first.reason());
        assertEquals(NoticeType.CONCERN, rows.get(2).notice().type());
        List<String> bad = rows.stream()
                .filter(r -> r.notice() == null)
                .map(r -> "line " + r.line() + ": " + r.error())
                .toList();
        assertEquals(5, bad.size(), bad.toString());
        assertTrue(bad.get(0).startsWith("line 30: OriginalPaperDOI 'unavailable' is not a DOI"), bad.get(0));
        assertTrue(bad.get(1).startsWith("line 31: RetractionDate '13/45/2020 0:00' is not a date"), bad.get(1));
        assertTrue(bad.get(2).startsWith("line 32: RetractionNature 'Reinstatement'"), bad.get(2));
        // the two-line title is one good row (lines 33-34), so the short row starts on line 35
        assertTrue(bad.get(3).startsWith("line 35: OriginalPaperDOI '' is not a DOI"), bad.get(3));
        assertTrue(bad.get(4).startsWith("line 36: the CSV breaks here"), bad.get(4));
        assertEquals("10.5555/citelens.example.3000", rows.get(31).notice().workDoi());
    }

    @Test
    void findsColumnsByNameInAnyOrderAndSpelling() throws IOException {
        List<RetractionWatchCsv.Row> rows = new ArrayList<>();
        try (Reader in = open("retraction-watch-reordered.csv")) {
            RetractionWatchCsv.read(in, rows::add);
        }
        assertEquals(3, rows.size());
        assertEquals("10.4103/0973-7847.65323", rows.get(0).notice().workDoi());
        assertEquals(LocalDate.of(2016, 3, 14), rows.get(0).notice().date());
        assertNull(rows.get(1).notice().date());
        assertEquals(NoticeType.CORRECTION, rows.get(1).notice().type());
        assertEquals("10.5555/citelens.example.4001", rows.get(2).notice().workDoi());
        assertEquals(LocalDate.of(2022, 1, 2), rows.get(2).notice().date());
    }

    @Test
    void aHeaderWithoutTheOriginalDoiIsRefusedNamingTheColumn() {
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> RetractionWatchCsv.read(
                        new StringReader("Record ID,RetractionNature,RetractionDate\n1,Retraction,1/1/2020\n"), r -> {}));
        assertTrue(e.getMessage().contains("OriginalPaperDOI"), e.getMessage());
    }

    @Test
    void importIsIdempotentAndAReorderedCopyUpdatesOnlyWhatChanged() throws IOException {
        NoticeStore store = NoticeStore.of(index);
        NoticeImport.Summary first;
        try (Reader in = open("retraction-watch-sample.csv")) {
            first = NoticeImport.run(in, store, CORPUS_WORKS::contains, row -> {});
        }
        assertEquals(34, first.rows());
        assertEquals(28, first.imported());
        assertEquals(0, first.updated());
        assertEquals(25, first.unmatched());
        assertEquals(5, first.badRows().size());
        NoticeImport.Summary again;
        try (Reader in = open("retraction-watch-sample.csv")) {
            again = NoticeImport.run(in, store, CORPUS_WORKS::contains, row -> {});
        }
        assertEquals(0, again.imported());
        assertEquals(0, again.updated());
        assertEquals(28, again.unchanged());
        // the reordered copy repeats 90001 with its Reason column the same but no Notes: same notice, unchanged
        NoticeImport.Summary reordered;
        try (Reader in = open("retraction-watch-reordered.csv")) {
            reordered = NoticeImport.run(in, store, CORPUS_WORKS::contains, row -> {});
        }
        assertEquals(2, reordered.imported());
        assertEquals(1, reordered.unchanged());
        NoticeBook book = store.current();
        assertEquals(30, book.size());
        assertEquals(1, book.notices("10.4103/0973-7847.65323").size());
        assertEquals("after", book.citesRetracted("10.4103/0973-7847.65323", 2017));
        assertEquals("before", book.citesRetracted("10.4103/0973-7847.65323", 2015));
        assertNull(book.citesRetracted("10.4103/0973-7847.65323", 2016));
        assertNull(book.citesRetracted("10.1186/1471-2164-15-588", 2020));
        assertTrue(book.worksWith(NoticeType.CONCERN).contains("10.1371/journal.pone.0080464"));
    }
}

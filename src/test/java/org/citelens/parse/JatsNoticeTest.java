package org.citelens.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.citelens.model.Article;
import org.citelens.model.EditorialNotice;
import org.citelens.model.NoticeType;
import org.citelens.testdata.RepositoryFiles;
import org.junit.jupiter.api.Test;

/** JATS notice articles (corpus/notices/jats, written for these tests) give the notices their markup says. */
class JatsNoticeTest {
    private final JatsParser parser = new JatsParser();

    private Article parse(Path file) throws IOException, MalformedArticleException {
        return parser.parse(Files.readAllBytes(file), file.getFileName().toString());
    }

    private List<EditorialNotice> notices(String name) throws Exception {
        return parse(RepositoryFiles.dataRoot().resolve("notices/jats").resolve(name)).notices();
    }

    @Test
    void aRetractionLinksTheRetractedArticleByXlinkHref() throws Exception {
        assertEquals(
                List.of(new EditorialNotice(
                        "10.1371/journal.pone.0080464",
                        NoticeType.RETRACTION,
                        LocalDate.of(2017, 5, 2),
                        "10.5555/citelens.notice.retraction.1",
                        "retraction",
                        null,
                        "retraction-pone.0080464.xml")),
                notices("retraction-pone.0080464.xml"));
    }

    @Test
    void aCorrectionMayWriteTheDoiInTheElementTextAndGiveAMonthOnly() throws Exception {
        EditorialNotice n = notices("correction-pp.104.051318.xml").get(0);
        assertEquals("10.1104/pp.104.051318", n.workDoi());
        assertEquals(NoticeType.CORRECTION, n.type());
        assertEquals(LocalDate.of(2016, 9, 1), n.date());
    }

    @Test
    void anExpressionOfConcernWithOneUntypedLinkConcernsThatWork() throws Exception {
        EditorialNotice n = notices("concern-s00606-009-0251-z.xml").get(0);
        assertEquals("10.1007/s00606-009-0251-z", n.workDoi());
        assertEquals(NoticeType.CONCERN, n.type());
        assertEquals(LocalDate.of(2019, 1, 15), n.date());
    }

    @Test
    void aNoticeWithoutADoiLinkAndAnOrdinaryArticleGiveNone() throws Exception {
        assertEquals(List.of(), notices("correction-without-doi-link.xml"));
        Path ordinary = RepositoryFiles.corpus().resolve("osanctum/PMC4125705.xml");
        assertEquals(List.of(), parse(ordinary).notices());
    }
}

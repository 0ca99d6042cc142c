package org.citelens.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.citelens.model.EditorialNotice;
import org.citelens.model.NoticeType;
import org.citelens.notice.NoticeStore;

/** The server over an index with one invented retraction recorded (dated 2020-05-04), as the browser clients see it. */
final class RetractedWorkServer {
    private RetractedWorkServer() {}

    static LiveServer start(Path index, String retractedDoi) throws IOException {
        NoticeStore notices = NoticeStore.of(Files.createTempDirectory("citelens-notices"));
        notices.merge(List.of(new EditorialNotice(
                retractedDoi,
                NoticeType.RETRACTION,
                LocalDate.of(2020, 5, 4),
                "10.9999/retraction.1",
                "Retraction",
                "invented for this test",
                "test")));
        return new LiveServer(index, new Curation(notices, null, false, null, null));
    }
}

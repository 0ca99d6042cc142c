package org.citelens.notice;

import java.util.LinkedHashMap;
import java.util.Map;
import org.citelens.model.EditorialNotice;

/**
 * The JSON shape of a notice, in the notice file and in the API: {@code type, date, noticeDoi, nature, reason,
 * source}, plus {@code workDoi} and {@code url} (the notice's DOI link).
 */
public final class NoticeJson {
    private NoticeJson() {}

    public static Map<String, Object> toMap(EditorialNotice n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workDoi", n.workDoi());
        m.put("type", n.type().wireName());
        m.put("date", n.date() == null ? null : n.date().toString());
        m.put("noticeDoi", n.noticeDoi());
        m.put("nature", n.nature());
        m.put("reason", n.reason());
        m.put("source", n.source());
        return m;
    }

    /** The API's form: the stored fields and a link to the notice (null without a notice DOI). */
    public static Map<String, Object> forApi(EditorialNotice n) {
        Map<String, Object> m = toMap(n);
        m.remove("workDoi");
        m.put("url", n.noticeDoi() == null ? null : "https://doi.org/" + n.noticeDoi());
        return m;
    }
}

package org.citelens.classify;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Our own dev split for sets that come without one (clinical): a fixed fifth of the citing papers, chosen by a
 * checksum of the paper id so that it never changes with row order, JVM or seed.
 */
public final class DevSplit {
    private DevSplit() {}

    public static boolean isDevPaper(String citingPaper) {
        CRC32 crc = new CRC32();
        crc.update(citingPaper.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 5 == 0;
    }
}

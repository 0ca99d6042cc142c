package org.citelens.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The entry point loads on Java 8 and turns anything older than 21 away in one line. */
class LauncherTest {
    @Test
    void isJava8BytecodeSoAnOldJavaCanLoadIt() throws Exception {
        try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class")) {
            DataInputStream data = new DataInputStream(in);
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            assertEquals(52, data.readUnsignedShort(), "class file major version 52 = Java 8");
        }
    }

    @Test
    void readsEveryVersionSpelling() {
        assertEquals(8, Launcher.major("1.8"));
        assertEquals(17, Launcher.major("17"));
        assertEquals(21, Launcher.major("21"));
        assertEquals(25, Launcher.major("25.0.1"));
        assertEquals(0, Launcher.major(null));
        assertEquals(0, Launcher.major("x"));
    }

    @Test
    void refusesOlderJavaInOneLineThatSaysWhatToDo() {
        String line = Launcher.versionProblem("17", "/opt/jdk17");
        assertTrue(line.contains("Java 21") && line.contains("Java 17") && line.contains("./run.sh"), line);
        assertTrue(!line.contains("\n"), "one line");
        assertTrue(Launcher.versionProblem("1.8", "/opt/jdk8").contains("Java 1.8"));
        assertNull(Launcher.versionProblem("21", "/opt/jdk21"));
        assertNull(Launcher.versionProblem("25", "/opt/jdk25"));
    }
}

package org.citelens.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * {@code java -jar citelens.jar}: checks the Java version, then hands over to {@code org.citelens.cli.Main}.
 * Written in Java 8 and compiled with {@code --release 8} (its own compiler execution in pom.xml); the rest of the
 * jar needs 21, so it is reached by name only once the version is known to be enough.
 */
public final class Launcher {
    static final int REQUIRED = 21;
    private static final String MAIN = "org.citelens.cli.Main";

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        String problem = versionProblem(System.getProperty("java.specification.version"), System.getProperty("java.home"));
        if (problem != null) {
            System.err.println(problem);
            System.exit(1);
        }
        Method main = Class.forName(MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Null when this Java can run Citelens, else the one line to print. */
    static String versionProblem(String specVersion, String javaHome) {
        int major = major(specVersion);
        if (major >= REQUIRED) return null;
        return "citelens: needs Java " + REQUIRED + " or newer, but this is Java " + specVersion + " (" + javaHome
                + "); run it with a newer JDK, or use ./run.sh <command>, which finds one";
    }

    /** "1.8" is Java 8; "17" and "21.0.1" are 17 and 21; anything unreadable counts as too old. */
    static int major(String specVersion) {
        if (specVersion == null) return 0;
        String s = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
        return end == 0 ? 0 : Integer.parseInt(s.substring(0, end));
    }
}

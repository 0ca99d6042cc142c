/**
 * The jar's entry point, compiled for Java 8 so that an older {@code java} can load it and say, in one line,
 * that Citelens needs Java 21, instead of failing with {@code UnsupportedClassVersionError}.
 */
package org.citelens.launcher;

/** The command-line entry point and one class per command. */
package org.citelens.cli;

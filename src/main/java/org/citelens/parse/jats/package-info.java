/** The pieces of the JATS reader: metadata, reference list, body text with its citation markers. */
package org.citelens.parse.jats;

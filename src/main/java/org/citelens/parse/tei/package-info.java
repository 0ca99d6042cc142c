/** Pieces of the GROBID TEI reader: header, bibliography and body with callouts and sentences. */
package org.citelens.parse.tei;

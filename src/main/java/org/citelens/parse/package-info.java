/** Readers of article formats (JATS, TEI, publisher HTML) into the shared article model. */
package org.citelens.parse;

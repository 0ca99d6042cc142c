/** Pieces of the publisher-HTML reader: page chrome, body location, reference lists, citation anchors and markers. */
package org.citelens.parse.html;

/**
 * The reference check of a manuscript: its references read (JATS, TEI, HTML or plain text), each resolved to a
 * work of the index with its tallies, and the manuscript's own citing statements labelled. Orchestration over
 * parse, resolve, extract, classify and index, used by the API and the CLI.
 */
package org.citelens.check;

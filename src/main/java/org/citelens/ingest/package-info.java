/**
 * Orchestration of a corpus ingest: lists the article files, reads them under the per-document limits, and runs
 * them through the stages (parse, register and resolve works, extract, label) into the statement index. New
 * orchestrations (relabel, harvest, other stores) go beside it; the stages and the stores never import it.
 */
package org.citelens.ingest;

/**
 * Harvest: the citing literature of a DOI from open sources (OpenCitations, Europe PMC, Unpaywall), fetched
 * politely and cached, the open full texts read into the index through {@code ingest}, with a report of what was
 * and was not read. Orchestration spanning crawl, parse, ingest and index, so a package of its own.
 */
package org.citelens.harvest;

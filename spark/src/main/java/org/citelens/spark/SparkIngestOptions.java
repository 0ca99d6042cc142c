package org.citelens.spark;

import java.nio.file.Path;
import java.util.List;
import org.citelens.parse.DocumentLimits;

/**
 * Settings of one Spark bulk ingest.
 *
 * @param files the article files to ingest, in any order, or null for every article file below {@code corpus}
 * @param work the local index folder, or for SolrCloud the work folder (works registry and report)
 * @param solr the collection to write to, or null for the local index in {@code work}
 * @param partitions how many pieces the files are cut into; 0 for a default from the master's cores and the count
 * @param model a labeller model file or folder, or null for the labeller named {@code labeller}
 */
record SparkIngestOptions(
        Path corpus,
        List<Path> files,
        Path work,
        SolrDestination solr,
        String master,
        int partitions,
        String labeller,
        Path model,
        DocumentLimits limits,
        int commitEvery) {
    SparkIngestOptions {
        if (!SparkContexts.LOCAL_MASTER.matcher(master).matches()) {
            throw new IllegalArgumentException("master must be local, local[N] or local[*], not " + master);
        }
        if (partitions < 0) throw new IllegalArgumentException("partitions must not be negative");
        if (commitEvery < 1) throw new IllegalArgumentException("commitEvery must be at least 1");
    }

    /** For the files of the given count on {@code cores} task slots: enough pieces for even progress and balance. */
    int partitionsFor(int fileCount, int cores) {
        if (partitions > 0) return partitions;
        return Math.max(1, Math.min(fileCount, Math.max(cores * 4, fileCount / 64)));
    }
}

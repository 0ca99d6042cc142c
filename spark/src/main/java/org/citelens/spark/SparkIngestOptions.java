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

    /**
     * For the files of the given count on {@code cores} task slots: about eight files a task, so progress (counted as
     * tasks end) moves often and slots stay balanced, and at least four tasks a slot, at most 20,000 tasks in all.
     * A task costs little of its own: the labeller is loaded once per executor, not per task.
     */
    int partitionsFor(int fileCount, int cores) {
        if (partitions > 0) return partitions;
        int wanted = Math.min(Math.max(fileCount / 8, cores * 4), 20_000);
        return Math.max(1, Math.min(fileCount, wanted));
    }
}

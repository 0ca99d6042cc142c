package org.citelens.relabel;

/**
 * What a relabel did.
 *
 * @param model the name of the model that labels now
 * @param articles articles relabelled by this run
 * @param statements statements relabelled by this run
 * @param alreadyLabelled articles that needed nothing (labelled by this model before, e.g. by a killed run)
 * @param labelledByModel statements in the index labelled by the model at the end
 * @param total statements in the index at the end
 * @param millis wall time
 */
public record RelabelReport(
        String model,
        long articles,
        long statements,
        long alreadyLabelled,
        long labelledByModel,
        long total,
        long millis) {}

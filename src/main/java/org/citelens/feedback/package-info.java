/**
 * Readers' label corrections: the append-only log of suggested and reviewed labels kept beside an index (it
 * outlives re-ingests and relabels), and its export as training data.
 */
package org.citelens.feedback;

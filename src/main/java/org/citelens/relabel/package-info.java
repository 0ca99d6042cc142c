/** Relabelling an existing index in place with another model, article by article, resumable after a kill. */
package org.citelens.relabel;

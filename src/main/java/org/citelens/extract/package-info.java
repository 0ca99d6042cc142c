/** Sentence splitting and the extraction of one citation statement per cited reference and sentence. */
package org.citelens.extract;

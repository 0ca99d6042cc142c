/** The Lucene index of citation statements: schema, writer (atomic upserts), store (queries, tallies, streaming). */
package org.citelens.index;

/** The Lucene index of citation statements and works: schema, upserts, queries, tallies, export. */
package org.citelens.index;

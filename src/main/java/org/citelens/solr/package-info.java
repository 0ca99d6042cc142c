/**
 * The statement index on SolrCloud: the same {@link org.citelens.index.StatementStore} contract and the same schema
 * as the local Lucene index, for more statements than one machine holds. Statements are routed by their cited work,
 * so one shard answers a work's tallies.
 */
package org.citelens.solr;

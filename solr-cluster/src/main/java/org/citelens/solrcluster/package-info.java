/** A local SolrCloud (real Solr nodes, embedded ZooKeeper) in its own JVM, for trials and end-to-end tests. */
package org.citelens.solrcluster;

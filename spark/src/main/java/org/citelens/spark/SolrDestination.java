package org.citelens.spark;

import java.io.Serializable;

/** A SolrCloud collection as the executors connect to it: {@code urls} as {@code --solr} takes them. */
record SolrDestination(String urls, String collection) implements Serializable {}

package org.citelens.cli;

import org.citelens.solr.SolrConnection;

/** {@code --solr URL[,URL...] --collection NAME}, as ingest, serve and solr-setup take them. */
final class SolrTarget {
    private SolrTarget() {}

    /** Whether the command was asked to use SolrCloud; --index and --solr exclude each other. */
    static boolean requested(Args args) {
        if (args.has("solr") && args.has("index")) {
            throw new UsageException("give either --index DIR (the local index) or --solr URL --collection NAME, not both");
        }
        if (args.has("collection") && !args.has("solr")) throw new UsageException("--collection goes with --solr URL");
        return args.has("solr");
    }

    static SolrConnection connect(Args args) {
        String collection = args.require("collection");
        try {
            return SolrConnection.open(args.require("solr"), collection);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}

package org.citelens.cli;

import java.util.Set;
import org.citelens.solr.SolrConnection;
import org.citelens.solr.SolrSetup;

/**
 * {@code solr-setup --solr URL[,URL...] --collection NAME [--shards N] [--replicas R]}: uploads Citelens's configset
 * to a SolrCloud cluster and creates the statement collection and its works collection.
 */
public final class SolrSetupCommand implements Command {
    @Override
    public String name() {
        return "solr-setup";
    }

    @Override
    public String summary() {
        return "upload the configset and create the collections on SolrCloud (--solr URL --collection NAME --shards N --replicas R)";
    }

    @Override
    public int run(Args args) throws Exception {
        args.allowOnly(Set.of("solr", "collection", "shards", "replicas"));
        int shards = args.getInt("shards", 2);
        int replicas = args.getInt("replicas", 2);
        if (shards < 1 || shards > 1024) throw new UsageException("--shards takes 1 to 1024, not " + shards);
        if (replicas < 1 || replicas > 16) throw new UsageException("--replicas takes 1 to 16, not " + replicas);
        try (SolrConnection solr = SolrTarget.connect(args)) {
            for (String line : SolrSetup.setUp(solr, shards, replicas)) System.err.println("solr-setup: " + line);
        }
        return 0;
    }
}

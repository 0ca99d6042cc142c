package org.citelens.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.ContentStreamBase;

/**
 * Prepares a SolrCloud cluster for Citelens: uploads the configset shipped in the jar (schema.xml mirrors
 * {@link org.citelens.index.StatementSchema}) and creates the statement collection and its works collection.
 */
public final class SolrSetup {
    /** The configset's name in ZooKeeper. */
    public static final String CONFIGSET = "citelens";

    private static final String RESOURCES = "/org/citelens/solr/configset/conf/";
    private static final List<String> FILES = List.of("solrconfig.xml", "schema.xml");

    private SolrSetup() {}

    /** The collection holding the works registry's snapshots beside {@code collection}. */
    public static String worksCollection(String collection) {
        return collection + "_works";
    }

    /**
     * Uploads the configset (replacing an older one of the same name) and creates {@code collection} with
     * {@code shards} x {@code replicas} and its works collection (one shard, {@code replicas} copies).
     * A collection that exists already is left as it is; returns what was done, one line per step.
     */
    public static List<String> setUp(SolrConnection solr, int shards, int replicas) throws IOException {
        // an existing configset is kept: one uploaded through ZooKeeper is "trusted" and Solr refuses to let an
        // unauthenticated upload replace it
        String config = configSetExists(solr)
                ? "configset " + CONFIGSET + " exists already (left as it is)"
                : uploadConfigSet(solr);
        String created = create(solr, solr.collection(), shards, replicas);
        String works = create(solr, worksCollection(solr.collection()), 1, replicas);
        return List.of(config, created, works);
    }

    private static boolean configSetExists(SolrConnection solr) throws IOException {
        try {
            return new ConfigSetAdminRequest.List().process(solr.client()).getConfigSets().contains(CONFIGSET);
        } catch (Exception e) {
            throw SolrConnection.failure("listing configsets", e);
        }
    }

    /** Creates the works collection beside the statements when an older setup did not. */
    static void ensureWorksCollection(SolrConnection solr) throws IOException {
        if (!exists(solr, worksCollection(solr.collection()))) {
            create(solr, worksCollection(solr.collection()), 1, 1);
        }
    }

    static String uploadConfigSet(SolrConnection solr) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String f : FILES) {
                try (InputStream in = SolrSetup.class.getResourceAsStream(RESOURCES + f)) {
                    if (in == null) throw new IOException("the jar lacks the Solr configset file " + f);
                    out.putNextEntry(new ZipEntry(f));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload()
                .setConfigSetName(CONFIGSET)
                .setOverwrite(true)
                .setCleanup(true)
                .setUploadStream(new ContentStreamBase.ByteArrayStream(zip.toByteArray(), "configset.zip", "application/zip"));
        try {
            upload.process(solr.client());
        } catch (Exception e) {
            throw SolrConnection.failure("uploading the configset", e);
        }
        return "configset " + CONFIGSET + " uploaded";
    }

    private static String create(SolrConnection solr, String name, int shards, int replicas) throws IOException {
        if (exists(solr, name)) return "collection " + name + " exists already (left as it is)";
        try {
            CollectionAdminRequest.createCollection(name, CONFIGSET, shards, replicas)
                    .process(solr.client());
        } catch (Exception e) {
            throw SolrConnection.failure("creating collection " + name, e);
        }
        return "collection " + name + " created: " + shards + " shards x " + replicas + " replicas";
    }

    static boolean exists(SolrConnection solr, String name) throws IOException {
        try {
            return CollectionAdminRequest.listCollections(solr.client()).contains(name);
        } catch (Exception e) {
            throw SolrConnection.failure("listing collections", e);
        }
    }
}
